namespace SnapshotPS.Tests.Infrastructure;

/// <summary>
/// A test class that injects faults into its class's emulator: every test starts and ends with no
/// fault armed, so one test's faults never reach the next.
/// </summary>
public abstract class EmulatorFaultTests : IClassFixture<EmulatorFixture>, IDisposable
{
    protected EmulatorFaultTests(EmulatorFixture emulator)
    {
        Emulator = emulator;
        Emulator.Host.Faults.Clear();
    }

    protected EmulatorFixture Emulator { get; }

    public void Dispose()
    {
        Emulator.Host.Faults.Clear();
        GC.SuppressFinalize(this);
    }
}
