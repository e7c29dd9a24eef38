using System;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// On -InputObject: a CloudSnapshot binds as itself; an id string, a hashtable or a kept row
/// (Import-Csv, ConvertFrom-Json, Select-Object) binds as a reference to the snapshot it names, so
/// PowerShell never builds a CloudSnapshot out of its properties itself (whose Provider would then
/// default to the first enum value). Anything else passes unchanged and fails the type check, so that
/// other objects bind -Id by property name or not at all (never by their ToString()).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SnapshotInputAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var input = inputData is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : inputData;
        if (input is null or CloudSnapshot) return input!;
        if (input is string id) return id.Trim().Length == 0 ? inputData : SnapshotReference.ForId(id.Trim()).ToPlaceholder();
        if (!SnapshotReference.IsNamingInput(input)) return inputData;
        try
        {
            return SnapshotReference.Read(input).ToPlaceholder();
        }
        catch (ArgumentException problem)
        {
            throw new ArgumentTransformationMetadataException(problem.Message, problem);
        }
    }
}
