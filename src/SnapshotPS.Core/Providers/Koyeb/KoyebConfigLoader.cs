using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SnapshotPS.Core.Connections;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Reads Koyeb settings the way the koyeb CLI does: the config file at $KOYEB_CONFIG, else
/// ~/.koyeb.json, ~/.koyeb.yaml or ~/.koyeb.yml (the first that exists), with its keys token, url and
/// organization, each overridden by the environment variable KOYEB_TOKEN, KOYEB_URL or KOYEB_ORGANIZATION.
/// </summary>
public sealed class KoyebConfigLoader
{
    private static readonly string[] HomeFiles = { ".koyeb.json", ".koyeb.yaml", ".koyeb.yml" };

    private readonly Func<string, string?> _environment;
    private readonly string _home;

    public KoyebConfigLoader(Func<string, string?> environment, string homeDirectory)
    {
        _environment = environment;
        _home = homeDirectory;
    }

    public static KoyebConfigLoader ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The file the CLI would read; null when $KOYEB_CONFIG is unset and no ~/.koyeb.* exists.</summary>
    public string? ConfigPath =>
        _environment("KOYEB_CONFIG") is { Length: > 0 } custom ? custom
        : HomeFiles.Select(name => Path.Combine(_home, name)).FirstOrDefault(File.Exists);

    /// <summary>The file $KOYEB_CONFIG names when it does not exist (the CLI then refuses to run); null otherwise.</summary>
    public string? MissingConfigPath =>
        _environment("KOYEB_CONFIG") is { Length: > 0 } custom && !File.Exists(custom) ? custom : null;

    public KoyebConnectionSettings Load()
    {
        var path = ConfigPath;
        var sources = new List<string>();
        KoyebConfigFile? file = null;
        if (path is not null && File.Exists(path))
        {
            file = Parse(path);
            sources.Add($"koyeb config ({path})");
        }

        var token = Pick(_environment("KOYEB_TOKEN"), file?.Token, out var tokenFromEnvironment);
        var url = Pick(_environment("KOYEB_URL"), file?.Url, out var urlFromEnvironment);
        var organization = Pick(_environment("KOYEB_ORGANIZATION"), file?.Organization, out var organizationFromEnvironment);
        if (tokenFromEnvironment || urlFromEnvironment || organizationFromEnvironment) sources.Add("KOYEB_* environment");

        return new KoyebConnectionSettings
        {
            Token = token is null ? null : SecretValue.FromPlainText(token),
            Endpoint = url is null ? null : ParseUrl(url, path),
            OrganizationId = organization,
            Source = sources.Count == 0 ? ConnectionSettings.NothingFound : string.Join(", ", sources),
        };
    }

    private static string? Pick(string? fromEnvironment, string? fromFile, out bool tookEnvironment)
    {
        tookEnvironment = !string.IsNullOrWhiteSpace(fromEnvironment);
        var value = tookEnvironment ? fromEnvironment : fromFile;
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static Uri ParseUrl(string url, string? path) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            ? parsed
            : throw new InvalidDataException($"The Koyeb API url '{url}' (KOYEB_URL or 'url' in {path ?? "the config file"}) is not an absolute URL.");

    private static KoyebConfigFile Parse(string path)
    {
        try
        {
            var yaml = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            return yaml.Deserialize<KoyebConfigFile?>(File.ReadAllText(path)) ?? new KoyebConfigFile();
        }
        catch (YamlException malformed)
        {
            // The message names the line only: the file holds the token.
            throw new InvalidDataException($"The koyeb config file {path} is not valid YAML or JSON (line {malformed.Start.Line}).");
        }
    }

    internal sealed class KoyebConfigFile
    {
        public string? Token { get; set; }
        public string? Url { get; set; }
        public string? Organization { get; set; }
    }
}
