using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Reads Scaleway settings the way the scw CLI does: the config file at $SCW_CONFIG_PATH, else
/// $XDG_CONFIG_HOME/scw/config.yaml, else ~/.config/scw/config.yaml; its top-level (default)
/// profile, overlaid by the chosen profile (the name given, else $SCW_PROFILE, else
/// active_profile), overlaid by the SCW_* environment variables.
/// </summary>
public sealed class ScalewayProfileLoader
{
    private readonly Func<string, string?> _environment;
    private readonly string _home;

    public ScalewayProfileLoader(Func<string, string?> environment, string homeDirectory)
    {
        _environment = environment;
        _home = homeDirectory;
    }

    public static ScalewayProfileLoader ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public string ConfigPath =>
        _environment("SCW_CONFIG_PATH") is { Length: > 0 } custom ? custom
        : _environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "scw", "config.yaml")
        : Path.Combine(_home, ".config", "scw", "config.yaml");

    public ScalewayConnectionSettings Load(string? profileName)
    {
        var path = ConfigPath;
        var file = File.Exists(path) ? Parse(path) : null;
        if (file is null && profileName is not null)
            throw InputValidation.Invalid("Profile", $"profile '{profileName}' was asked for, but there is no scw config file at {path}.");

        var chosen = profileName ?? _environment("SCW_PROFILE") ?? file?.ActiveProfile;
        var merged = new ScwProfile();
        var sources = new List<string>();
        if (file is not null)
        {
            merged.OverlayWith(file);
            if (chosen is not null && chosen != "default")
            {
                if (file.Profiles is null || !file.Profiles.TryGetValue(chosen, out var profile) || profile is null)
                    throw InputValidation.Invalid("Profile", $"there is no profile '{chosen}' in {path}. Profiles: {string.Join(", ", file.Profiles?.Keys.OrderBy(k => k) ?? Enumerable.Empty<string>())}.");
                merged.OverlayWith(profile);
            }
            sources.Add($"scw profile '{chosen ?? "default"}' ({path})");
        }
        if (merged.OverlayWith(FromEnvironment())) sources.Add("SCW_* environment");

        var settings = new ScalewayConnectionSettings
        {
            SecretKey = merged.SecretKey is { Length: > 0 } secret ? SecretValue.FromPlainText(secret) : null,
            AccessKey = merged.AccessKey,
            ProjectId = merged.DefaultProjectId,
            OrganizationId = merged.DefaultOrganizationId,
            Zone = merged.DefaultZone
                ?? (merged.DefaultRegion is { } region ? ScalewayZones.FirstZoneOf(region) : null)
                ?? ScalewayConnectionSettings.DefaultZone,
            Endpoint = merged.ApiUrl is { Length: > 0 } url ? new Uri(url) : null,
            Source = sources.Count == 0 ? ConnectionSettings.NothingFound : string.Join(", ", sources),
        };
        return settings;
    }

    /// <summary>The profiles of the scw config file ("default" for its top level), for completion; none when it is missing or malformed.</summary>
    public IReadOnlyList<string> ProfileNames()
    {
        try
        {
            if (!File.Exists(ConfigPath)) return Array.Empty<string>();
            var file = Parse(ConfigPath);
            return new[] { "default" }.Concat(file.Profiles?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static ScwConfigFile Parse(string path)
    {
        try
        {
            var yaml = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            return yaml.Deserialize<ScwConfigFile?>(File.ReadAllText(path)) ?? new ScwConfigFile();
        }
        catch (YamlException malformed)
        {
            throw new InvalidDataException($"The scw config file {path} is not valid YAML (line {malformed.Start.Line}).", malformed);
        }
    }

    private ScwProfile FromEnvironment() => new()
    {
        AccessKey = _environment("SCW_ACCESS_KEY"),
        SecretKey = _environment("SCW_SECRET_KEY"),
        ApiUrl = _environment("SCW_API_URL"),
        DefaultOrganizationId = _environment("SCW_DEFAULT_ORGANIZATION_ID"),
        DefaultProjectId = _environment("SCW_DEFAULT_PROJECT_ID"),
        DefaultRegion = _environment("SCW_DEFAULT_REGION"),
        DefaultZone = _environment("SCW_DEFAULT_ZONE"),
    };

    internal class ScwProfile
    {
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string? ApiUrl { get; set; }
        public string? DefaultOrganizationId { get; set; }
        public string? DefaultProjectId { get; set; }
        public string? DefaultRegion { get; set; }
        public string? DefaultZone { get; set; }

        /// <summary>Takes every value the other profile sets; true when it set any.</summary>
        public bool OverlayWith(ScwProfile other)
        {
            var before = (AccessKey, SecretKey, ApiUrl, DefaultOrganizationId, DefaultProjectId, DefaultRegion, DefaultZone);
            AccessKey = Pick(other.AccessKey, AccessKey);
            SecretKey = Pick(other.SecretKey, SecretKey);
            ApiUrl = Pick(other.ApiUrl, ApiUrl);
            DefaultOrganizationId = Pick(other.DefaultOrganizationId, DefaultOrganizationId);
            DefaultProjectId = Pick(other.DefaultProjectId, DefaultProjectId);
            DefaultRegion = Pick(other.DefaultRegion, DefaultRegion);
            DefaultZone = Pick(other.DefaultZone, DefaultZone);
            return before != (AccessKey, SecretKey, ApiUrl, DefaultOrganizationId, DefaultProjectId, DefaultRegion, DefaultZone);
        }

        private static string? Pick(string? preferred, string? fallback) => string.IsNullOrEmpty(preferred) ? fallback : preferred;
    }

    internal sealed class ScwConfigFile : ScwProfile
    {
        public string? ActiveProfile { get; set; }
        public Dictionary<string, ScwProfile?>? Profiles { get; set; }
    }
}
