using System.Collections;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Objects rendered by the module's default views the way a 120-column console shows them.</summary>
public static class RenderedView
{
    public const int ConsoleWidth = 120;

    /// <summary>The text of <c>$objects | Out-String -Width 120</c>, or of a Format-* cmdlet first when one is given.</summary>
    public static string Render(this PowerShellSession session, IEnumerable objects, string format = "", int width = ConsoleWidth)
    {
        var pipeline = format.Length == 0 ? "$objects" : "$objects | " + format;
        var result = session.Run($"{pipeline} | Out-String -Width {width}", new Hashtable { ["objects"] = objects }).AssertSucceeded();
        return (string)result.Output.Single().BaseObject;
    }

    /// <summary>Fails when the text holds a truncation mark ("..." or the ellipsis character) or a line wider than the console.</summary>
    public static void AssertNothingTruncated(string rendered, int width = ConsoleWidth)
    {
        Assert.DoesNotContain("...", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2026", rendered, StringComparison.Ordinal);
        Assert.All(rendered.Split('\n'), line => Assert.True(line.TrimEnd().Length <= width, "Wider than the console: " + line));
    }

    /// <summary>The one rendered line that holds the text (a table row).</summary>
    public static string LineWith(string rendered, string text) =>
        Assert.Single(rendered.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));
}
