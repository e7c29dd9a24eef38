namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Checks of the ErrorRecords the module writes for one pipeline item.</summary>
public static class ErrorRecordAssert
{
    /// <summary>The record has the documented ErrorId, raised by the cmdlet class, with the category and the item as target.</summary>
    public static void IsItemError(ErrorRecord record, string errorId, string cmdletType, ErrorCategory category, object target)
    {
        Assert.Equal(errorId + "," + cmdletType, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal(target, record.TargetObject is PSObject wrapped ? wrapped.BaseObject : record.TargetObject);
    }

    /// <summary>The script ended with -ErrorAction Stop on the item's own record.</summary>
    public static ErrorRecord TerminatedWith(ScriptResult result, string errorId, string cmdletType)
    {
        var stopped = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating);
        Assert.Equal(errorId + "," + cmdletType, stopped.ErrorRecord.FullyQualifiedErrorId);
        return stopped.ErrorRecord;
    }
}
