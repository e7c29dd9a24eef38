namespace SnapshotPS.Emulator.OpenStack.Cinder;

internal static class CinderEndpoints
{
    public static void Map(RouteGroupBuilder group, OpenStackFake fake)
    {
    }
}
