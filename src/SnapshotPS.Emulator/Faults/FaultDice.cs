using System.Text;

namespace SnapshotPS.Emulator.Faults;

/// <summary>
/// Reproducible draws: the same seed, request key and occurrence always give the same number, in any
/// process and whatever other requests run meanwhile (FNV-1a, then a SplitMix64 finish).
/// </summary>
internal static class FaultDice
{
    /// <summary>A number in [0, 1).</summary>
    public static double Roll(int seed, string requestKey, long occurrence)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(requestKey))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash = Mix(hash ^ Mix((ulong)occurrence));
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
