using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// OpenStack settings gathered in layers, each value with where it came from: clouds.yaml (and
/// secure.yaml), then the OS_* environment, then parameters; a later layer wins, as with the
/// openstack CLI, whose options default to the environment and override the cloud's file.
/// </summary>
public sealed class OpenStackConfig
{
    public static readonly string[] SecretKeys = { "Password", "ApplicationCredentialSecret" };

    /// <summary>Settings that say the same thing two ways: a later layer giving one drops the other an earlier layer gave.</summary>
    private static readonly string[][] Alternatives =
    {
        new[] { "Username", "UserId" },
        new[] { "UserDomainName", "UserDomainId" },
        new[] { "ProjectName", "ProjectId", "DomainName", "DomainId" },
        new[] { "ProjectDomainName", "ProjectDomainId" },
        new[] { "ApplicationCredentialId", "ApplicationCredentialName" },
    };

    private readonly Dictionary<string, (string? Text, SecretValue? Secret, string Origin, int Layer)> _values = new(StringComparer.Ordinal);
    private readonly List<string> _sources = new();
    private int _layer;

    /// <summary>Starts the next layer: what it sets wins over what earlier layers set.</summary>
    public void NextLayer() => _layer++;

    /// <summary>Sets a value unless it is empty; <paramref name="origin"/> names its source in errors ("-ProjectName", "OS_PROJECT_NAME").</summary>
    public void Set(string key, string? value, string origin)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (Array.IndexOf(SecretKeys, key) >= 0) SetSecret(key, SecretValue.FromPlainText(value!), origin);
        else Put(key, value, null, origin);
    }

    public void SetSecret(string key, SecretValue? value, string origin)
    {
        if (value is not null) Put(key, null, value, origin);
    }

    private void Put(string key, string? text, SecretValue? secret, string origin)
    {
        foreach (var other in Alternatives.Where(a => a.Contains(key)).SelectMany(a => a).Where(k => k != key))
        {
            if (_values.TryGetValue(other, out var earlier) && earlier.Layer < _layer) _values.Remove(other);
        }
        _values[key] = (text, secret, origin, _layer);
    }

    public void Remove(string key) => _values.Remove(key);

    public string? Text(string key) => _values.TryGetValue(key, out var value) ? value.Text : null;

    public bool Has(string key) => _values.ContainsKey(key);

    public string? OriginOf(string key) => _values.TryGetValue(key, out var value) ? value.Origin : null;

    /// <summary>Records a layer that gave values, for the connection's Source.</summary>
    public void AddSource(string source)
    {
        if (!_sources.Contains(source)) _sources.Add(source);
    }

    public string Source => _sources.Count == 0 ? Connections.ConnectionSettings.NothingFound : string.Join(", ", _sources);

    public OpenStackConnectionSettings ToSettings()
    {
        ApplyAuthType();
        var settings = new OpenStackConnectionSettings
        {
            Username = Text("Username"),
            UserId = Text("UserId"),
            Password = Secret("Password"),
            UserDomainName = Text("UserDomainName"),
            UserDomainId = Text("UserDomainId"),
            ProjectName = Text("ProjectName"),
            ProjectId = Text("ProjectId"),
            ProjectDomainName = Text("ProjectDomainName"),
            ProjectDomainId = Text("ProjectDomainId"),
            DomainName = Text("DomainName"),
            DomainId = Text("DomainId"),
            ApplicationCredentialId = Text("ApplicationCredentialId"),
            ApplicationCredentialName = Text("ApplicationCredentialName"),
            ApplicationCredentialSecret = Secret("ApplicationCredentialSecret"),
            Region = Text("Region"),
            Interface = Text("Interface")?.ToLowerInvariant() switch
            {
                null => OpenStackConnectionSettings.DefaultInterface,
                "publicurl" => "public",
                "internalurl" => "internal",
                "adminurl" => "admin",
                var named => named!,
            },
            CaCertificatePath = Text("CaCertificate"),
            Source = Source,
        };
        if (Text("AuthUrl") is { } authUrl)
        {
            if (!Uri.TryCreate(authUrl, UriKind.Absolute, out var endpoint))
                throw InputValidation.Invalid("Endpoint", $"{OriginOf("AuthUrl")} is '{authUrl}', not an absolute URL such as https://keystone.example.com:5000/v3.");
            settings.Endpoint = endpoint;
        }
        if (Text("Insecure") is { } insecure) settings.Http.SkipCertificateCheck = IsTrue(insecure);
        foreach (var entry in _values) settings.SetOrigin(Setting(entry.Key), entry.Value.Origin);
        return settings;
    }

    /// <summary>
    /// An explicit auth type (OS_AUTH_TYPE, auth_type) takes only its own options, as keystoneauth's
    /// plugins do: an application credential leaves out a password and a scope that did not come from
    /// parameters; a password login leaves out application credentials.
    /// </summary>
    private void ApplyAuthType()
    {
        var type = Text("AuthType")?.ToLowerInvariant();
        if (type is null) return;
        if (type.Replace("_", "").Contains("applicationcredential"))
        {
            foreach (var key in new[] { "Password", "ProjectName", "ProjectId", "ProjectDomainName", "ProjectDomainId", "DomainName", "DomainId" })
            {
                if (OriginOf(key) is { } origin && !origin.StartsWith("-", StringComparison.Ordinal)) _values.Remove(key);
            }
        }
        else if (type is "password" or "v3password")
        {
            foreach (var key in new[] { "ApplicationCredentialId", "ApplicationCredentialName", "ApplicationCredentialSecret" }) _values.Remove(key);
        }
        else
        {
            throw InputValidation.Invalid("Cloud", $"{OriginOf("AuthType")} is '{type}'; SnapshotPS logs in with password (v3password) or v3applicationcredential.");
        }
    }

    private SecretValue? Secret(string key) => _values.TryGetValue(key, out var value) ? value.Secret : null;

    private static string Setting(string key) => key switch
    {
        "AuthUrl" => "Endpoint",
        _ => key,
    };

    /// <summary>The boolean spellings openstacksdk and oslo accept.</summary>
    public static bool IsTrue(string value) =>
        new[] { "1", "true", "yes", "on", "y", "t" }.Contains(value.Trim().ToLowerInvariant());
}
