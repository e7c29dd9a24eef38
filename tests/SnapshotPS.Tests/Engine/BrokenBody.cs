namespace SnapshotPS.Tests.Engine;

/// <summary>A body that sends a few bytes, then fails, or hangs ignoring the token until it is disposed.</summary>
internal sealed class BrokenBody : Stream
{
    private readonly bool _hang;
    private readonly TaskCompletionSource<int> _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _sentStart;

    public BrokenBody(bool hang) => _hang = hang;

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_sentStart)
        {
            _sentStart = true;
            buffer.Span[0] = (byte)'{';
            return 1;
        }
        if (!_hang) throw new IOException("The response ended prematurely.");
        return await _disposed.Task; // deaf to the token, as some handlers are
    }

    protected override void Dispose(bool disposing)
    {
        _disposed.TrySetException(new ObjectDisposedException(nameof(BrokenBody)));
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => 0; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
