namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Looks for secrets in every stream of a script and in the text the script produced.</summary>
public static class SecretScan
{
    /// <summary>Every string of every stream, plus each record's own properties a person or a log would see.</summary>
    public static IEnumerable<(string Where, string Text)> TextsOf(ScriptResult result)
    {
        foreach (var text in result.AllText()) yield return ("stream", text);
        foreach (var v in result.Streams.Verbose) yield return ("verbose", v.Message);
        foreach (var d in result.Streams.Debug) yield return ("debug", d.Message);
        foreach (var w in result.Streams.Warning) yield return ("warning", w.Message);
        foreach (var i in result.Streams.Information) yield return ("information", i.MessageData + " " + string.Join(",", i.Tags));
        foreach (var p in result.Streams.Progress) yield return ("progress", p.ToString());
        foreach (var e in result.Streams.Error)
        {
            yield return ("error", e.FullyQualifiedErrorId + " " + e.ErrorDetails?.Message + " " + e.ErrorDetails?.RecommendedAction);
            for (var inner = e.Exception; inner is not null; inner = inner.InnerException) yield return ("error", inner.ToString());
        }
    }

    public static void AssertAbsent(ScriptResult result, params string[] secrets)
    {
        foreach (var (where, text) in TextsOf(result))
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A secret appears in the {where} stream: {text}");
            }
        }
    }
}
