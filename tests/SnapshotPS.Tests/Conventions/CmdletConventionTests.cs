using System.Management.Automation;
using System.Reflection;
using SnapshotPS.Cmdlets;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Conventions;

public class CmdletConventionTests
{
    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletMetadata.All) data.Add(cmdlet.Name);
        return data;
    }

    private static CmdletMetadata Cmdlet(string name) => CmdletMetadata.All.Single(c => c.Name == name);

    private static readonly string[] ApprovedVerbs = new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly string[] StateChangingVerbs = { "New", "Set", "Remove", "Disconnect", "Copy", "Export", "Grant", "Revoke", "Stop" };

    /// <summary>Every cmdlet that acts on existing snapshots takes Get-CloudSnapshot's output.</summary>
    public static TheoryData<string> SnapshotConsumers()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletMetadata.All.Where(c => typeof(SnapshotTargetCmdlet).IsAssignableFrom(c.Type))) data.Add(cmdlet.Name);
        return data;
    }

    [Fact]
    public void TheSnapshotConsumersAreTheOnesExpected() =>
        Assert.Equal(
            new[] { "Copy-CloudSnapshot", "Export-CloudSnapshot", "Grant-CloudSnapshotPermission", "Remove-CloudSnapshot", "Revoke-CloudSnapshotPermission", "Set-CloudSnapshot", "Wait-CloudSnapshot" },
            SnapshotConsumers().Cast<object[]>().Select(row => (string)row[0]).OrderBy(n => n));

    [Fact]
    public void TheModuleHasTheExpectedCmdlets() =>
        Assert.Equal(
            new[]
            {
                "Connect-SnapshotProvider", "Copy-CloudSnapshot", "Disconnect-SnapshotProvider", "Export-CloudSnapshot", "Get-CloudSnapshot",
                "Get-CloudSnapshotExportTask", "Get-SnapshotProvider", "Grant-CloudSnapshotPermission", "New-CloudSnapshot", "Remove-CloudSnapshot",
                "Revoke-CloudSnapshotPermission", "Select-ExpiredCloudSnapshot", "Set-CloudSnapshot", "Stop-CloudSnapshotExportTask", "Wait-CloudSnapshot",
            },
            CmdletMetadata.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void UsesAnApprovedVerb(string name) => Assert.Contains(Cmdlet(name).Verb, ApprovedVerbs);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void DeclaresItsOutputType(string name) => Assert.NotEmpty(Cmdlet(name).OutputTypes);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void SupportsShouldProcessWhenItChangesState(string name)
    {
        var cmdlet = Cmdlet(name);
        if (StateChangingVerbs.Contains(cmdlet.Verb)) Assert.True(cmdlet.SupportsShouldProcess, $"{name} changes state but has no -WhatIf/-Confirm");
    }

    [Fact]
    public void RemoveIsHighImpactAndHasForce()
    {
        var remove = Cmdlet("Remove-CloudSnapshot");
        Assert.Equal((int)ConfirmImpact.High, remove.ConfirmImpact);
        Assert.Equal(typeof(SwitchParameter), remove.Parameter("Force").Type);
    }

    [Fact]
    public void GetCloudSnapshotSupportsPagingAndWildcardNames()
    {
        var get = Cmdlet("Get-CloudSnapshot");
        Assert.True(get.SupportsPaging);
        Assert.True(get.Parameter("Name").SupportsWildcards);
        Assert.Contains(typeof(CloudSnapshot), get.OutputTypes);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryDefaultParameterSetExists(string name)
    {
        var cmdlet = Cmdlet(name);
        if (cmdlet.DefaultParameterSet is { } set)
            Assert.Contains(cmdlet.Parameters, p => p.Sets.Any(s => s.Set == set));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void NoTwoParametersShareAPositionInOneSet(string name)
    {
        var positions = Cmdlet(name).Parameters
            .SelectMany(p => p.Sets.Where(s => s.Position >= 0).Select(s => (s.Set, s.Position, p.Name)))
            .ToList();
        var sets = positions.Select(p => p.Set).Distinct().Where(s => s != "__AllParameterSets").DefaultIfEmpty("__AllParameterSets");
        foreach (var set in sets)
        {
            var inSet = positions.Where(p => p.Set == set || p.Set == "__AllParameterSets").ToList();
            Assert.Equal(inSet.Count, inSet.Select(p => p.Position).Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(SnapshotConsumers))]
    public void ASnapshotBindsByValue(string consumer)
    {
        // Grant-CloudSnapshotPermission also takes an export (SnapshotExport) by value, in its own set.
        var inputs = Cmdlet(consumer).Parameters.Where(p => p.Sets.Any(s => s.ByValue)).ToList();
        Assert.Single(inputs, p => p.Type == typeof(CloudSnapshot));
        Assert.All(inputs, p => Assert.Contains(p.Type, new[] { typeof(CloudSnapshot), typeof(SnapshotPS.Core.Storage.SnapshotExport) }));
    }

    [Theory]
    [MemberData(nameof(SnapshotConsumers))]
    public void ASnapshotBindsByPropertyNameThroughIdConnectionAndLocation(string consumer)
    {
        var byName = Cmdlet(consumer).Parameters.Where(p => p.Sets.Any(s => s.ByPropertyName)).ToList();
        var properties = typeof(CloudSnapshot).GetProperties().ToDictionary(p => p.Name, p => p.PropertyType);

        Assert.Equal(new[] { "Connection", "Id", "Location" }, byName.Select(p => p.Name).OrderBy(n => n));
        foreach (var parameter in byName)
        {
            var match = parameter.NamesAndAliases.FirstOrDefault(properties.ContainsKey);
            Assert.True(match is not null, $"{consumer} -{parameter.Name} matches no CloudSnapshot property");
            Assert.Equal(parameter.Type, properties[match!]);
        }

        var mandatoryInIdSet = Cmdlet(consumer).Parameters.Where(p => p.Sets.Any(s => s.Set == "Id" && s.Mandatory));
        Assert.All(mandatoryInIdSet, p => Assert.True(p.Sets.Any(s => s.ByPropertyName), $"-{p.Name} is mandatory but cannot come from the pipeline"));
    }

    [Fact]
    public void AnExportTaskBindsToStopByValueAndByPropertyName()
    {
        var stop = Cmdlet("Stop-CloudSnapshotExportTask");
        Assert.Equal(typeof(SnapshotExportTask), stop.Parameters.Single(p => p.Sets.Any(s => s.ByValue)).Type);
        var properties = typeof(SnapshotExportTask).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.All(stop.Parameters.Where(p => p.Sets.Any(s => s.ByPropertyName)), p => Assert.Contains(p.Name, properties));
        Assert.Contains(typeof(SnapshotExportTask), Cmdlet("Get-CloudSnapshotExportTask").OutputTypes);
        Assert.Contains(typeof(SnapshotExportTask), Cmdlet("Export-CloudSnapshot").OutputTypes);
    }

    [Fact]
    public void ASnapshotPipedToGetCloudSnapshotExportTaskBindsByValueNotAsATaskId() =>
        Assert.Equal(typeof(CloudSnapshot), Cmdlet("Get-CloudSnapshotExportTask").Parameters.Single(p => p.Sets.Any(s => s.ByValue)).Type);

    [Fact]
    public void PlainObjectsWithAnIdBindToGetCloudSnapshotToo()
    {
        var get = Cmdlet("Get-CloudSnapshot");
        Assert.Contains(get.Parameter("Id").Sets, s => s.ByPropertyName);
        Assert.Contains(get.Parameter("Connection").Sets, s => s.ByPropertyName);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void ConnectionParametersCompleteNames(string name)
    {
        var type = Cmdlet(name).Type;
        var connection = type.GetProperty("Connection") ?? (name.EndsWith("SnapshotProvider") && name != "Connect-SnapshotProvider" ? type.GetProperty("Name") : null);
        if (connection is null) return;
        var completer = CmdletMetadata.Named(connection, "ArgumentCompleterAttribute");
        Assert.NotNull(completer);
        Assert.Equal(typeof(ConnectionNameCompleter), completer!.ConstructorArguments[0].Value);
    }

    [Fact]
    public void EveryErrorCategoryTheOperationsUseExistsInPowerShell()
    {
        foreach (var category in Enum.GetNames<OperationErrorCategory>())
            Assert.True(Enum.IsDefined(typeof(ErrorCategory), category), category);
    }

    [Fact]
    public void TheEngineReferencesNoPowerShell() =>
        Assert.DoesNotContain(typeof(CloudSnapshot).Assembly.GetReferencedAssemblies(), a => a.Name == "System.Management.Automation");

    [Fact]
    public void OperationsAndTheSeamUseNoPowerShellTypes()
    {
        var powerShell = typeof(PSCmdlet).Assembly;
        var plain = typeof(ICmdletContext).Assembly.GetTypes()
            .Where(t => t.Namespace is "SnapshotPS.Operations" or "SnapshotPS.Pipeline");
        foreach (var type in plain)
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            var used = members.SelectMany(m => m switch
            {
                FieldInfo f => new[] { f.FieldType },
                PropertyInfo p => new[] { p.PropertyType },
                MethodInfo mi => mi.GetParameters().Select(x => x.ParameterType).Append(mi.ReturnType),
                ConstructorInfo c => c.GetParameters().Select(x => x.ParameterType),
                _ => Array.Empty<Type>(),
            });
            Assert.DoesNotContain(used.Append(type.BaseType ?? typeof(object)), t => t.Assembly == powerShell);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EachCmdletLivesInItsOwnShortFile(string name)
    {
        var file = RepoPaths.Of("src", "SnapshotPS", "Cmdlets", Cmdlet(name).Type.Name + ".cs");
        Assert.True(File.Exists(file), file);
        Assert.InRange(File.ReadAllLines(file).Length, 10, 100);
    }
}
