using System.Text;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Runs the real operation, then sends its status with the body cut in half (never valid JSON).</summary>
internal static class MalformedBody
{
    public static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var full = await CapturedResponse.RunAsync(context, next);
        var response = context.Response;
        if (CapturedResponse.CannotHaveBody(response.StatusCode))
        {
            return;
        }

        var broken = full.Length > 1 ? full[..(full.Length / 2)] : Encoding.UTF8.GetBytes("{\"");
        response.ContentLength = broken.Length;
        if (string.IsNullOrEmpty(response.ContentType))
        {
            response.ContentType = "application/json";
        }

        await response.Body.WriteAsync(broken, context.RequestAborted);
    }
}
