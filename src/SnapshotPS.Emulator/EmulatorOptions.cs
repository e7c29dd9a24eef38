namespace SnapshotPS.Emulator;

public sealed class EmulatorOptions
{
    /// <summary>Loopback port to bind; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>When true (the default) the host writes no logs.</summary>
    public bool Quiet { get; set; } = true;

    public ScalewayTimings? ScalewayTimings { get; set; }

    public OutscaleTimings? OutscaleTimings { get; set; }

    public OpenStackTimings? OpenStackTimings { get; set; }

    public KoyebTimings? KoyebTimings { get; set; }

    public CloudMCTimings? CloudMCTimings { get; set; }

    /// <summary>Clock that drives snapshot state changes and dates; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Options whose snapshots, imports and exports settle at once: what tests of a module or runbook usually want.</summary>
    public static EmulatorOptions Instant() => new()
    {
        ScalewayTimings = new ScalewayTimings
        {
            SnapshotDelay = TimeSpan.Zero,
            ImportDelay = TimeSpan.Zero,
            ExportDelay = TimeSpan.Zero,
            BlockCreateDelay = TimeSpan.Zero,
        },
        OutscaleTimings = new OutscaleTimings
        {
            SnapshotDelay = TimeSpan.Zero,
            ImportDelay = TimeSpan.Zero,
            ExportDelay = TimeSpan.Zero,
        },
        OpenStackTimings = new OpenStackTimings
        {
            SnapshotDelay = TimeSpan.Zero,
            DeleteDelay = TimeSpan.Zero,
        },
        KoyebTimings = KoyebTimings.Instant(),
        CloudMCTimings = new CloudMCTimings
        {
            CreatingDelay = TimeSpan.Zero,
            BackingUpDelay = TimeSpan.Zero,
            DestroyingDelay = TimeSpan.Zero,
        },
    };

    /// <summary>Where OUTSCALE and Scaleway exports are written and imports read; when null exports write nothing and imports read nothing.</summary>
    public ObjectStorageOptions? ObjectStorage { get; set; }
}
