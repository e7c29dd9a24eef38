using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.CloudMC;

/// <summary>CloudMC settings and data against the fixture's emulator: each test works in an environment of its own.</summary>
internal static class CloudMCTestSupport
{
    public static CloudMCConnectionSettings Settings(EmulatorFixture emulator, string environment, string apiKey = CloudMCFake.DefaultApiKey, int maxRetries = 3) => new()
    {
        Endpoint = emulator.Host.CloudMCEndpoint,
        ApiKey = SecretValue.FromPlainText(apiKey),
        EnvironmentName = environment,
        PollInterval = TimeSpan.FromMilliseconds(20),
        TaskTimeout = TimeSpan.FromSeconds(20),
        Http = new HttpPipelineOptions
        {
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
        },
    };

    /// <summary>A fresh environment with one Ready volume; returns both names.</summary>
    public static (string Environment, string VolumeId) NewEnvironment(EmulatorFixture emulator, string? organizationId = null)
    {
        var environment = "env-" + Guid.NewGuid().ToString("N")[..12];
        emulator.Host.CloudMC.AddEnvironment(environment, organizationId: organizationId);
        return (environment, emulator.Host.CloudMC.AddVolume(environment, organizationId: organizationId));
    }

    public static int Requests(EmulatorFixture emulator, string method, string pathContains, string queryContains = "") =>
        emulator.Host.Requests.Snapshot().Count(r => r.Provider == "cloudmc" && r.Method == method
            && r.Path.Contains(pathContains, StringComparison.Ordinal) && r.Query.Contains(queryContains, StringComparison.Ordinal));

    /// <summary>Puts the fake's dialect and timings back as the fixture started them (Instant).</summary>
    public static void Reset(EmulatorFixture emulator)
    {
        var fake = emulator.Host.CloudMC;
        fake.Dialect.TaskFailureStatus = "FAILED";
        fake.Dialect.WrappedTasks = true;
        fake.Dialect.NumericErrorCodes = true;
        fake.Dialect.AuthFailureStatus = 403;
        fake.Dialect.ListWhileCreating = true;
        fake.Timings.CreatingDelay = TimeSpan.Zero;
        fake.Timings.BackingUpDelay = TimeSpan.Zero;
        fake.Timings.DestroyingDelay = TimeSpan.Zero;
        fake.Timings.TaskRetention = TimeSpan.FromMinutes(30);
    }
}
