using System;

namespace SnapshotPS.Cmdlets;

/// <summary>PowerShell parameter values to the plain values operations take.</summary>
internal static class ParameterConversion
{
    public static TimeSpan? Seconds(int? seconds) => seconds is int s ? TimeSpan.FromSeconds(s) : null;
}
