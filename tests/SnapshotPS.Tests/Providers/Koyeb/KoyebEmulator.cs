using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.Koyeb;

/// <summary>Koyeb settings, clients and connections against an emulator, with fast retries.</summary>
internal static class KoyebEmulator
{
    public static KoyebConnectionSettings KoyebSettings(this EmulatorHost host, string token = KoyebFake.DefaultToken, string? region = null, int maxRetries = 3) => new()
    {
        Endpoint = host.KoyebEndpoint,
        Token = SecretValue.FromPlainText(token),
        Region = region,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = new HttpPipelineOptions
        {
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(60),
        },
    };

    public static KoyebProvider KoyebProvider(this EmulatorHost host, string? region = null, int maxRetries = 3) =>
        new(host.KoyebSettings(region: region, maxRetries: maxRetries), "koyeb");

    public static SnapshotConnection AddKoyeb(this EmulatorHost host, ConnectionRegistry registry, string name = "koyeb")
    {
        var settings = host.KoyebSettings();
        var connection = new SnapshotConnection(name, settings, ProviderFactory.Create(settings, name), DateTimeOffset.Now);
        registry.Add(connection, makeDefault: false);
        return connection;
    }

    public static int KoyebRequests(this EmulatorHost host, string method, string pathContains = "/v1/snapshots", string queryContains = "") =>
        host.Requests.Snapshot().Count(r => r.Provider == "koyeb" && r.Method == method
            && r.Path.Contains(pathContains, StringComparison.Ordinal) && r.Query.Contains(queryContains, StringComparison.Ordinal));

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items) all.Add(item);
        return all;
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
