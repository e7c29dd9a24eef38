using SnapshotPS.Emulator.OpenStack.Identity;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>One authenticated Cinder request: the region served, the caller's token and project, and the microversion.</summary>
internal sealed record CinderCall(HttpContext Http, OpenStackFake Fake, IssuedToken Token, string Region, int Version)
{
    public string ProjectId => Token.Project!.Id;

    public bool IsAdmin => Token.IsAdmin;

    public CinderStore Store => Fake.Cinder;

    public DateTimeOffset Now => Fake.Now;

    /// <summary>A snapshot of this region the caller may see: their project's, or any project's for an admin.</summary>
    public CinderSnapshot? FindSnapshot(string id) =>
        Store.Snapshots.GetValueOrDefault(id) is { } snapshot && snapshot.Region == Region && (IsAdmin || snapshot.ProjectId == ProjectId)
            ? snapshot
            : null;

    public CinderVolume? FindVolume(string id) =>
        Store.Volumes.GetValueOrDefault(id) is { } volume && volume.Region == Region && (IsAdmin || volume.ProjectId == ProjectId)
            ? volume
            : null;
}
