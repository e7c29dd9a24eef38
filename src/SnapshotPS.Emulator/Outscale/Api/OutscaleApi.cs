using SnapshotPS.Emulator.Outscale.Auth;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>POST /api/v1/{Operation} with a JSON body, under the provider's prefix (reference sections 1 and 11).</summary>
internal static class OutscaleApi
{
    public const string Root = "/api/v1";

    private static readonly Dictionary<string, Func<OutscaleCall, Task<OperationOutcome>>> Operations = new(StringComparer.Ordinal)
    {
        ["CreateSnapshot"] = SnapshotCreate.CreateAsync,
        ["DeleteSnapshot"] = Sync(SnapshotChanges.Delete),
        ["ReadSnapshots"] = Sync(SnapshotRead.Read),
        ["UpdateSnapshot"] = Sync(SnapshotChanges.Update),
        ["CreateTags"] = Sync(TagOperations.Create),
        ["DeleteTags"] = Sync(TagOperations.Delete),
        ["CreateSnapshotExportTask"] = Sync(ExportTaskOperations.Create),
        ["ReadSnapshotExportTasks"] = ExportTaskOperations.ReadAsync,
        ["DeleteExportTask"] = Sync(ExportTaskOperations.Delete),
        ["ReadAccounts"] = Sync(AccountRead.Read),
    };

    public static IReadOnlyCollection<string> OperationNames => Operations.Keys;

    public static void Map(RouteGroupBuilder group, OutscaleFake fake, RequestAuthenticator authenticator)
    {
        group.Map(Root + "/{operation}", (HttpContext context, string operation) => HandleAsync(context, fake, authenticator, operation));
        group.Map("{**path}", (HttpContext context) => Fail(context, OutscaleErrors.UnknownOperation(context.Request.Path)));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, OutscaleFake fake, RequestAuthenticator authenticator, string operation)
    {
        var request = context.Request;
        if (!Operations.TryGetValue(operation, out var handler))
        {
            return Fail(context, OutscaleErrors.UnknownOperation(request.Path));
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return Fail(context, OutscaleErrors.MethodNotAllowed(request.Method));
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (authenticator.Authenticate(request, body, out var account) is { } denied)
        {
            return Fail(context, denied);
        }

        var parsed = OutscaleRequest.Parse(body);
        if (parsed is null)
        {
            return Fail(context, OutscaleErrors.UnreadableBody());
        }

        var dryRun = parsed.Boolean("DryRun") ?? false;
        var outcome = await handler(new OutscaleCall(fake, account!, operation, parsed, dryRun, context.RequestAborted));
        return outcome.Error is { } error
            ? Fail(context, error)
            : OutscaleJson.Ok(outcome.Payload ?? [], OutscaleJson.RequestIdOf(context));
    }

    private static Func<OutscaleCall, Task<OperationOutcome>> Sync(Func<OutscaleCall, OperationOutcome> handler) =>
        call => Task.FromResult(handler(call));

    private static IResult Fail(HttpContext context, OutscaleError error) => OutscaleErrors.Result(error, OutscaleJson.RequestIdOf(context));

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
