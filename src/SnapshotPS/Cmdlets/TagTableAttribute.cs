using System;
using System.Collections;
using System.Management.Automation;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// On -Tag and -AddTag: besides a hashtable, the tag text a snapshot's Tags property writes
/// ("env=prod; team=db", as in an Export-Csv column) or a snapshot's Tags themselves, so that
/// -Tag $row.Tags or -Tag $snapshot.Tags carries tags from one snapshot to another.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TagTableAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (input)
        {
            case string text:
                try
                {
                    return ToHashtable(SnapshotTags.Parse(text));
                }
                catch (FormatException problem)
                {
                    throw new ArgumentTransformationMetadataException(problem.Message, problem);
                }
            case SnapshotTags tags:
                return ToHashtable(tags);
            default:
                return inputData;
        }
    }

    private static Hashtable ToHashtable(SnapshotTags tags)
    {
        var table = new Hashtable(StringComparer.Ordinal);
        foreach (var tag in tags) table[tag.Key] = tag.Value;
        return table;
    }
}
