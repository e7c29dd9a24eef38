using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>
/// Reads Outscale settings as osc-cli and oapi-cli do: the profile (the name given, else
/// $OSC_PROFILE, else "default") of ~/.osc/config.json, else of the older ~/.osc_sdk/config.json,
/// overlaid by OSC_ACCESS_KEY, OSC_SECRET_KEY, OSC_REGION and OSC_ENDPOINT_API.
/// </summary>
public sealed class OutscaleProfileLoader
{
    private readonly Func<string, string?> _environment;
    private readonly string _home;

    public OutscaleProfileLoader(Func<string, string?> environment, string homeDirectory)
    {
        _environment = environment;
        _home = homeDirectory;
    }

    public static OutscaleProfileLoader ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public IEnumerable<string> ConfigPaths => new[]
    {
        Path.Combine(_home, ".osc", "config.json"),
        Path.Combine(_home, ".osc_sdk", "config.json"),
    };

    public OutscaleConnectionSettings Load(string? profileName)
    {
        var path = ConfigPaths.FirstOrDefault(File.Exists);
        var chosen = profileName ?? _environment("OSC_PROFILE") ?? "default";
        var settings = new OutscaleConnectionSettings();
        var sources = new List<string>();

        var named = profileName is not null || _environment("OSC_PROFILE") is not null;
        if (path is not null && ReadProfile(path, chosen, explicitlyNamed: named) is { } profile)
        {
            settings.AccessKey = Text(profile, "access_key");
            settings.SecretKey = Text(profile, "secret_key") is { Length: > 0 } secret ? SecretValue.FromPlainText(secret) : null;
            settings.Region = Text(profile, "region") ?? Text(profile, "region_name") ?? settings.Region;
            settings.Endpoint = EndpointOf(profile);
            sources.Add($"osc profile '{chosen}' ({path})");
        }
        else if (named)
        {
            throw InputValidation.Invalid("Profile", $"profile '{chosen}' was asked for, but there is no osc config file at {string.Join(" or ", ConfigPaths)}.");
        }

        var fromEnvironment = false;
        if (_environment("OSC_ACCESS_KEY") is { Length: > 0 } accessKey) { settings.AccessKey = accessKey; fromEnvironment = true; }
        if (_environment("OSC_SECRET_KEY") is { Length: > 0 } secretKey) { settings.SecretKey = SecretValue.FromPlainText(secretKey); fromEnvironment = true; }
        if (_environment("OSC_REGION") is { Length: > 0 } region) { settings.Region = region; fromEnvironment = true; }
        if (_environment("OSC_ENDPOINT_API") is { Length: > 0 } endpoint) { settings.Endpoint = AbsoluteEndpoint(endpoint); fromEnvironment = true; }
        if (fromEnvironment) sources.Add("OSC_* environment");

        settings.Source = sources.Count == 0 ? ConnectionSettings.NothingFound : string.Join(", ", sources);
        return settings;
    }

    /// <summary>The profiles of the osc config file, for completion; none when it is missing or malformed.</summary>
    public IReadOnlyList<string> ProfileNames()
    {
        try
        {
            var path = ConfigPaths.FirstOrDefault(File.Exists);
            if (path is null) return Array.Empty<string>();
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).Select(p => p.Name).ToList()
                : Array.Empty<string>();
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException)
        {
            return Array.Empty<string>();
        }
    }

    private static JsonElement? ReadProfile(string path, string name, bool explicitlyNamed)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException malformed)
        {
            throw new InvalidDataException($"The osc config file {path} is not valid JSON (line {malformed.LineNumber + 1}).", malformed);
        }
        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var profile) && profile.ValueKind == JsonValueKind.Object)
                return profile.Clone();
            if (!explicitlyNamed) return null;
            var names = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n) : Enumerable.Empty<string>();
            throw InputValidation.Invalid("Profile", $"there is no profile '{name}' in {path}. Profiles: {string.Join(", ", names)}.");
        }
    }

    /// <summary>oapi-cli's endpoints.api ("api.eu-west-2.outscale.com/api/v1", no scheme), or none.</summary>
    private static Uri? EndpointOf(JsonElement profile) =>
        profile.TryGetProperty("endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object && Text(endpoints, "api") is { Length: > 0 } api
            ? AbsoluteEndpoint(api, https: Text(profile, "protocol") != "http")
            : null;

    private static Uri AbsoluteEndpoint(string value, bool https = true) =>
        new(value.Contains("://") ? value : (https ? "https://" : "http://") + value);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
