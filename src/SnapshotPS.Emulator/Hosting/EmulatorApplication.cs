using System.Net;
using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Faults;
using SnapshotPS.Emulator.Requests;

namespace SnapshotPS.Emulator.Hosting;

/// <summary>Builds the ASP.NET Core app: loopback Kestrel, shared middleware, provider and admin routes.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(EmulatorOptions options, ProviderDirectory providers, FaultInjector faults, RequestLog log, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        if (options.Quiet)
        {
            builder.Logging.ClearProviders();
        }

        var app = builder.Build();
        var recorder = new RequestRecorder(log, providers, time);
        var faultMiddleware = new FaultMiddleware(faults, providers, app.Lifetime.ApplicationStopping);
        app.Use(AddRequestId);
        app.Use(recorder.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);

        var admin = app.MapGroup(ProviderDirectory.AdminPrefix);
        AdminEndpoints.Map(admin, providers, faults, log);
        foreach (var provider in providers.All)
        {
            provider.MapEndpoints(app.MapGroup("/" + provider.Name));
            provider.MapAdminEndpoints(admin.MapGroup("/" + provider.Name));
        }

        app.Map("{**path}", (HttpContext context) => new WireJsonResult(
            StatusCodes.Status404NotFound,
            new JsonObject { ["type"] = "not_found", ["message"] = $"no fake cloud serves {context.Request.Path}" },
            JsonStyle.Compact));
        return app;
    }

    private static Task AddRequestId(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString();
        return next(context);
    }
}
