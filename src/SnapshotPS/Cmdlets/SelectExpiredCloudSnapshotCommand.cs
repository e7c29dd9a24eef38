using System;
using System.Linq;
using System.Management.Automation;
using SnapshotPS.Core.Engine.Retention;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>Applies keep rules with restic's forget semantics; writes the snapshots the rules let go.</summary>
[Cmdlet(VerbsCommon.Select, "ExpiredCloudSnapshot", HelpUri = HelpLinks.Base + "Select-ExpiredCloudSnapshot.md")]
[OutputType(typeof(CloudSnapshot), typeof(RetentionDecision))]
public sealed class SelectExpiredCloudSnapshotCommand : SnapshotCmdlet
{
    private SelectExpiredSnapshotOperation? _operation;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public CloudSnapshot? InputObject { get; set; }

    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepLast { get; set; }
    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepHourly { get; set; }
    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepDaily { get; set; }
    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepWeekly { get; set; }
    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepMonthly { get; set; }
    [Parameter, ValidateRange(-1, int.MaxValue)] public int KeepYearly { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithin { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithinHourly { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithinDaily { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithinWeekly { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithinMonthly { get; set; }
    [Parameter, ValidateNotNull] public RetentionDuration? KeepWithinYearly { get; set; }

    [Parameter, ValidateNotNullOrEmpty]
    public string[]? KeepTag { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(RetentionGroupCompleter))]
    [AllowEmptyCollection, AllowEmptyString]
    public string[]? GroupBy { get; set; }

    [Parameter] public SwitchParameter LocalTime { get; set; }

    [Parameter] public SwitchParameter IncludeKept { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _operation = new SelectExpiredSnapshotOperation(Context, new SelectExpiredSnapshotRequest
            {
                Policy = new RetentionPolicy
                {
                    Last = KeepLast, Hourly = KeepHourly, Daily = KeepDaily, Weekly = KeepWeekly, Monthly = KeepMonthly, Yearly = KeepYearly,
                    Within = KeepWithin, WithinHourly = KeepWithinHourly, WithinDaily = KeepWithinDaily, WithinWeekly = KeepWithinWeekly,
                    WithinMonthly = KeepWithinMonthly, WithinYearly = KeepWithinYearly,
                    Tags = (KeepTag ?? new string[0]).Select(RetentionTag.Parse).ToList(),
                },
                GroupBy = GroupBy,
                LocalTime = LocalTime.IsPresent,
                IncludeKept = IncludeKept.IsPresent,
            });
        }
        catch (ArgumentException refused)
        {
            ThrowTerminatingError(PSCmdletContext.ToErrorRecord(SelectExpiredSnapshotOperation.RefusedPolicy(refused)));
        }
    }

    protected override void ProcessRecord() => _operation!.Add(InputObject!);

    protected override void EndProcessing() => Run(() => _operation!.Complete());
}
