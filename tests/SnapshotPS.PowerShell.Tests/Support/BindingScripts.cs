namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>PowerShell snippets and error readers shared by the binding tests.</summary>
public static class BindingScripts
{
    /// <summary>Every cmdlet of the module, one per src/SnapshotPS/Cmdlets/*Command.cs.</summary>
    public static readonly string[] Cmdlets =
    [
        "Connect-SnapshotProvider", "Copy-CloudSnapshot", "Disconnect-SnapshotProvider", "Export-CloudSnapshot",
        "Get-CloudSnapshot", "Get-CloudSnapshotExportTask", "Get-SnapshotProvider", "Grant-CloudSnapshotPermission",
        "New-CloudSnapshot", "Remove-CloudSnapshot", "Revoke-CloudSnapshotPermission", "Select-ExpiredCloudSnapshot",
        "Set-CloudSnapshot", "Stop-CloudSnapshotExportTask", "Wait-CloudSnapshot",
    ];

    /// <summary>
    /// Defines ConvertTo-PipelineSource: turns objects into the kind of objects a user pipes by property
    /// name ('PSCustomObject', 'Csv', 'Json', 'Hashtable'), keeping the listed properties and adding a
    /// Note, as kept lists have other columns too. The Note also stops PowerShell from converting a row
    /// into a CloudSnapshot and binding it by value, so only binding by property name can take it.
    /// </summary>
    public const string ConvertToPipelineSource = """
        function ConvertTo-PipelineSource {
            param([Parameter(Mandatory)][object[]] $InputObject, [Parameter(Mandatory)][string] $Kind, [string[]] $Property = @('Id', 'Connection'))
            $columns = @($Property) + @{ Name = 'Note'; Expression = { 'kept by a user' } }
            switch ($Kind) {
                'PSCustomObject' { $InputObject | Select-Object -Property $columns }
                'Csv' {
                    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("snapshotps-" + [guid]::NewGuid() + ".csv")
                    try {
                        $InputObject | Select-Object -Property $columns | Export-Csv -LiteralPath $file -NoTypeInformation
                        Import-Csv -LiteralPath $file
                    } finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
                }
                'Json' { ConvertTo-Json -InputObject @($InputObject | Select-Object -Property $columns) -Depth 3 | ConvertFrom-Json }
                'Hashtable' {
                    foreach ($item in $InputObject) {
                        $table = @{ Note = 'kept by a user' }
                        foreach ($name in $Property) { $table[$name] = $item.$name }
                        [pscustomobject]$table
                    }
                }
                default { throw "Unknown kind $Kind" }
            }
        }
        """;

    /// <summary>The FullyQualifiedErrorIds of every error the script wrote or threw.</summary>
    public static IReadOnlyList<string> ErrorIds(ScriptResult result)
    {
        var ids = result.Errors.Select(e => e.FullyQualifiedErrorId).ToList();
        if (result.Terminating is IContainsErrorRecord { ErrorRecord: { } record }) ids.Add(record.FullyQualifiedErrorId);
        return ids;
    }

    /// <summary>Asserts that PowerShell's binder (not the module) refused the command with this error id, and wrote nothing.</summary>
    public static ErrorRecord AssertBindingError(ScriptResult result, string errorId, string cmdletClass)
    {
        var records = result.Errors.ToList();
        if (result.Terminating is IContainsErrorRecord { ErrorRecord: { } thrown }) records.Add(thrown);
        var record = Assert.Single(records);
        Assert.Equal($"{errorId},SnapshotPS.Cmdlets.{cmdletClass}", record.FullyQualifiedErrorId);
        Assert.IsAssignableFrom<ParameterBindingException>(record.Exception);
        var validation = errorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal);
        Assert.Equal(validation ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Empty(result.Output);
        return record;
    }
}
