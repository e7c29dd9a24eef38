using System.Text;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Runs the real operation, then sends its status with the body cut in half (never valid JSON).</summary>
internal static class MalformedBody
{
    public static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var realBody = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = realBody;
        }

        if (response.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            return;
        }

        var full = buffer.ToArray();
        var broken = full.Length > 1 ? full[..(full.Length / 2)] : Encoding.UTF8.GetBytes("{\"");
        response.ContentLength = broken.Length;
        if (string.IsNullOrEmpty(response.ContentType))
        {
            response.ContentType = "application/json";
        }

        await realBody.WriteAsync(broken, context.RequestAborted);
    }
}
