using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Reliability;

/// <summary>Bad arguments to every engine call: each must be refused with an ArgumentException (or a capability error) before any request.</summary>
public static class MalformedInputMatrix
{
    public const string Refused = "refused before any request";

    public sealed record Case(string What, Func<ISnapshotProvider, CancellationToken, Task> Run, Action<ConnectionSettings>? Adjust = null);

    public static async Task<Tally> RunAsync(MatrixTarget target, MatrixOptions options)
    {
        var volume = target.NewVolume();
        var existing = target.Seed(1, volume, "input-")[0];
        var cases = MalformedInputs.For(target, volume, existing);
        var tally = new Tally($"Malformed inputs on {target}: {cases.Count}");
        foreach (var input in cases)
        {
            var before = target.RequestCount;
            var result = await Watchdog.RunAsync(async token =>
            {
                using var provider = target.Connect(options.Http(), input.Adjust);
                await input.Run(provider, token);
            }, options.CallLimit);
            var sent = target.RequestCount - before;

            tally.Add(Figures.Attempted);
            if (sent > 0)
            {
                tally.Add(Figures.RequestsSent, $"{input.What}: {sent} request(s), then {result.Describe()}");
            }

            if (result.Hung)
            {
                tally.Add(Figures.Hung, input.What);
            }
            else if (result.Succeeded)
            {
                tally.Add(Figures.Accepted, input.What);
            }
            else if (result.Failure is ArgumentException or ProviderCapabilityException)
            {
                tally.Add(Refused);
            }
            else
            {
                tally.Add(Figures.UnclearError, $"{input.What}: {result.Describe()}");
            }
        }

        return tally;
    }
}
