using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// On -Id: a hashtable given where an id is expected (piped while -Connection is on the command line,
/// so that -InputObject cannot take it) stands for its Id, never for its type name
/// ("System.Collections.Hashtable"). It becomes a reference that is not a string, so that it binds -Id
/// only when PowerShell converts it (then to its Id) and -InputObject takes it first otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SnapshotIdAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        if (inputData is object[] many) return many.Select(One).ToArray();
        return One(inputData);
    }

    private static object One(object item)
    {
        var input = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (input is not IDictionary) return item;
        try
        {
            return SnapshotReference.Read(input);
        }
        catch (ArgumentException problem)
        {
            throw new ArgumentTransformationMetadataException(problem.Message, problem);
        }
    }
}
