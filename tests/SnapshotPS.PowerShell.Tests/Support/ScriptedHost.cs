using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation.Host;
using System.Security;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// A host whose user answers confirmation prompts from a script of choices ("Y", "A", "N", "L" for
/// Yes, Yes to All, No, No to All), and records every prompt it was shown. Prompting with no answer
/// left fails the test rather than hanging.
/// </summary>
public sealed class ScriptedHost : PSHost
{
    private readonly ScriptedHostUserInterface _ui;

    public ScriptedHost(params string[] answers) => _ui = new ScriptedHostUserInterface(answers);

    /// <summary>The captions and messages of the prompts shown, in order.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>The lines written to the host, such as -WhatIf's "What if: ..." lines, in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "SnapshotPS.ScriptedHost";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class ScriptedHostUserInterface(string[] answers) : PSHostUserInterface
    {
        private readonly Queue<string> _answers = new(answers);
        private readonly List<string> _prompts = [];
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get { lock (_lines) return _lines.ToList(); }
        }

        public IReadOnlyList<string> Prompts
        {
            get { lock (_prompts) return _prompts.ToList(); }
        }

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_prompts)
            {
                _prompts.Add(caption + ": " + message);
                if (_answers.Count == 0) throw new Xunit.Sdk.XunitException($"Unexpected prompt: {caption}: {message}");
                var answer = _answers.Dequeue();
                for (var i = 0; i < choices.Count; i++)
                {
                    var label = choices[i].Label;
                    var hotkey = label.IndexOf('&') is var amp and >= 0 && amp + 1 < label.Length ? label[amp + 1].ToString() : label;
                    if (string.Equals(hotkey, answer, StringComparison.OrdinalIgnoreCase)) return i;
                }

                throw new Xunit.Sdk.XunitException($"No choice '{answer}' in: {string.Join(", ", choices.Select(c => c.Label))}");
            }
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new Xunit.Sdk.XunitException($"Unexpected prompt for input: {caption}: {message}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new Xunit.Sdk.XunitException("Unexpected credential prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new Xunit.Sdk.XunitException("Unexpected credential prompt.");

        public override string ReadLine() => throw new Xunit.Sdk.XunitException("Unexpected ReadLine.");
        public override SecureString ReadLineAsSecureString() => throw new Xunit.Sdk.XunitException("Unexpected ReadLineAsSecureString.");
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { lock (_lines) _lines.Add(value); }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
