using System.Runtime.InteropServices;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Hosting;

EmulatorCommandLine commandLine;
try
{
    commandLine = EmulatorCommandLine.Parse(args);
}
catch (FormatException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

var scalewayTimings = new ScalewayTimings();
var outscaleTimings = new OutscaleTimings();
var openStackTimings = new OpenStackTimings();
var koyebTimings = new KoyebTimings();
var cloudMCTimings = new CloudMCTimings();
if (commandLine.SnapshotDelaySeconds is { } delay)
{
    scalewayTimings.SnapshotDelay = TimeSpan.FromSeconds(delay);
    outscaleTimings.SnapshotDelay = TimeSpan.FromSeconds(delay);
    openStackTimings.SnapshotDelay = TimeSpan.FromSeconds(delay);
    koyebTimings.CreateDelay = koyebTimings.MigrateDelay = TimeSpan.FromSeconds(delay);
    cloudMCTimings.CreatingDelay = cloudMCTimings.BackingUpDelay = TimeSpan.FromSeconds(delay);
}

await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
{
    Port = commandLine.Port,
    Quiet = !commandLine.Verbose,
    ScalewayTimings = scalewayTimings,
    OutscaleTimings = outscaleTimings,
    OpenStackTimings = openStackTimings,
    KoyebTimings = koyebTimings,
    CloudMCTimings = cloudMCTimings,
    ObjectStorage = commandLine.ObjectStorage,
});

Console.WriteLine($"SnapshotPS emulator listening on {host.BaseAddress}");
foreach (var provider in host.Providers.All)
{
    foreach (var line in provider.DescribeForConsole(host.BaseAddress))
    {
        Console.WriteLine(commandLine.WithStorage(line));
    }

    foreach (var line in commandLine.Seed is { } count ? provider.SeedDemo(count) : [])
    {
        Console.WriteLine(line);
    }
}

Console.WriteLine(commandLine.S3Endpoint is { } s3
    ? $"Outscale exports go to {s3} (object {{OsuPrefix}}{{SnapshotId}}.{{format}} in OsuBucket), Scaleway exports to the bucket and key they name; imports from it are read there."
    : "Outscale and Scaleway exports are kept in memory only (use --s3-endpoint to write them to object storage).");
Console.WriteLine($"Admin: {host.BaseAddress}_emulator");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using (PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop))
using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop))
{
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

Console.WriteLine("Stopping.");
return 0;
