using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>A runspace of the real PowerShell (Microsoft.PowerShell.SDK) with the built module imported.</summary>
public sealed class PowerShellSession : IDisposable
{
    public PowerShellSession(PSHost? host = null)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        Runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        Runspace.Open();
        Run("Import-Module -Name $path -ErrorAction Stop", new Hashtable { ["path"] = ModuleLayout.ManifestPath }).AssertSucceeded();
    }

    public Runspace Runspace { get; }

    /// <summary>Runs a script; the variables are set in the runspace first. Never throws for the script's own failures.</summary>
    public ScriptResult Run(string script, IDictionary? variables = null)
    {
        // Not disposed: disposing a PowerShell instance empties its error stream, which the result hands on.
        var shell = Create(script, variables);
        return Invoke(shell);
    }

    /// <summary>A PowerShell instance on this runspace, for tests that stop it or read its streams as they fill.</summary>
    public System.Management.Automation.PowerShell Create(string script, IDictionary? variables = null)
    {
        if (variables is not null)
        {
            foreach (DictionaryEntry variable in variables)
            {
                Runspace.SessionStateProxy.SetVariable((string)variable.Key, variable.Value);
            }
        }

        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(script);
        return shell;
    }

    public static ScriptResult Invoke(System.Management.Automation.PowerShell shell)
    {
        var output = new System.Collections.ObjectModel.Collection<PSObject>();
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (Exception exception) when (exception is RuntimeException or ParameterBindingException or PipelineStoppedException)
        {
            terminating = exception;
        }

        return new ScriptResult { Output = output, Streams = shell.Streams, Terminating = terminating };
    }

    /// <summary>Connects to the Scaleway fake's default tenant.</summary>
    public ScriptResult ConnectScaleway(Uri endpoint, string name = "scaleway", string zone = "fr-par-1") => Run(
        "Connect-SnapshotProvider -Provider Scaleway -Name $name -Endpoint $endpoint -Zone $zone -ProjectId $project " +
        "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -ErrorAction Stop",
        new Hashtable
        {
            ["name"] = name, ["endpoint"] = endpoint, ["zone"] = zone,
            ["project"] = ScalewayFake.DefaultProjectId, ["secret"] = ScalewayFake.DefaultSecretKey,
        }).AssertSucceeded();

    /// <summary>Connects to the Outscale fake's default account.</summary>
    public ScriptResult ConnectOutscale(Uri endpoint, string name = "outscale") => Run(
        "Connect-SnapshotProvider -Provider Outscale -Name $name -Endpoint $endpoint -Region $region -AccessKey $access " +
        "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -ErrorAction Stop",
        new Hashtable
        {
            ["name"] = name, ["endpoint"] = endpoint, ["region"] = OutscaleFake.DefaultRegion,
            ["access"] = OutscaleFake.DefaultAccessKey, ["secret"] = OutscaleFake.DefaultSecretKey,
        }).AssertSucceeded();

    public void Dispose()
    {
        Run("Disconnect-SnapshotProvider -All -ErrorAction SilentlyContinue");
        Runspace.Dispose();
    }
}
