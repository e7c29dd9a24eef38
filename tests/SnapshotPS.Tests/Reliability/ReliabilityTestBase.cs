using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

/// <summary>
/// The fault matrix of issue 7 against an emulator of its own (so its faults meet no other test),
/// seeded, with the figures written to the test output and into any failed assertion.
/// </summary>
public abstract class ReliabilityTestBase(EmulatorFixture emulator, ITestOutputHelper output) : IClassFixture<EmulatorFixture>
{
    /// <summary>The matrix as the suite runs it: the issue's figures at a size that stays well under a minute.</summary>
    protected static readonly MatrixOptions Options = new();

    protected EmulatorFixture Emulator { get; } = emulator;

    protected MatrixTarget Target(string provider) => provider switch
    {
        "scaleway" => new ScalewayMatrixTarget(Emulator.Host, "fr-par-2"),
        "outscale" => new OutscaleMatrixTarget(Emulator.Host),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Writes the figures, then asserts that each named one is zero, naming every one that is not.</summary>
    protected void AssertNone(Tally tally, params string[] figures)
    {
        output.WriteLine(tally.ToString());
        var broken = figures.Where(figure => tally[figure] > 0).Select(figure => $"{figure}: {tally[figure]}").ToArray();
        Assert.True(broken.Length == 0, $"expected none of: {string.Join("; ", broken)}\n{tally}");
    }
}
