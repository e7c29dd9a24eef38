namespace SnapshotPS.Cmdlets;

/// <summary>Where each cmdlet's online help lives (Get-Help -Online): docs/, generated from the MAML help.</summary>
internal static class HelpLinks
{
    public const string Base = "https://github.com/snapshotps/SnapshotPS/blob/main/docs/";
}
