using System;
using System.Management.Automation;
using System.Security;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Operations;
using SnapshotPS.Operations.Connecting;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommunications.Connect, "SnapshotProvider", HelpUri = HelpLinks.Base + "Connect-SnapshotProvider.md", DefaultParameterSetName = ConfigurationSet)]
[OutputType(typeof(SnapshotConnection))]
public sealed partial class ConnectSnapshotProviderCommand : SnapshotCmdlet
{
    private const string ConfigurationSet = "Configuration";
    private const string SecretKeySet = "SecretKey";
    private const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0)]
    public CloudProvider Provider { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SecretKeySet)]
    public SecureString? SecretKey { get; set; }

    [Parameter(ParameterSetName = SecretKeySet)]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = ConfigurationSet), ValidateNotNullOrEmpty, Alias("Cloud"), ArgumentCompleter(typeof(ProfileCompleter))]
    public string? Profile { get; set; }

    [Parameter, ValidateNotNullOrEmpty, ArgumentCompleter(typeof(LocationCompleter))] public string? Zone { get; set; }
    [Parameter, ValidateNotNullOrEmpty, ArgumentCompleter(typeof(LocationCompleter))] public string? Region { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? ProjectId { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? OrganizationId { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? ServiceCode { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? Environment { get; set; }

    [Parameter] public Uri? Endpoint { get; set; }

    // OpenStack only: the project by name, the domains, application credentials, the catalog interface, a CA.
    [Parameter, ValidateNotNullOrEmpty] public string? ProjectName { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? UserDomain { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? ProjectDomain { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? ApplicationCredentialId { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? ApplicationCredentialName { get; set; }
    [Parameter, ValidateSet("public", "internal", "admin")] public string? Interface { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? CACertificate { get; set; }

    [Parameter] public SwitchParameter AllowUnencryptedEndpoint { get; set; }
    [Parameter] public SwitchParameter SkipCertificateCheck { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? Name { get; set; }
    [Parameter, ValidateRange(0, 10)] public int? MaxRetries { get; set; }
    [Parameter, ValidateRange(1, ConnectionSettings.MaxConcurrentPages)] public int? ConcurrentPages { get; set; }
    [Parameter] public SwitchParameter Default { get; set; }
    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var fromCredential = ParameterSetName == CredentialSet && Credential is not null;
        var request = new ConnectProviderRequest
        {
            Provider = Provider,
            Name = Name,
            SecretKey = fromCredential ? SecretValue.FromSecureString(Credential!.Password)
                : SecretKey is not null ? SecretValue.FromSecureString(SecretKey) : null,
            AccessKey = fromCredential ? Credential!.UserName : AccessKey,
            Zone = Zone,
            Region = Region,
            ProjectId = ProjectId,
            OrganizationId = OrganizationId,
            ServiceCode = ServiceCode,
            Environment = Environment,
            Endpoint = Endpoint,
            Storage = StorageParameters(),
            OpenStack = new OpenStackParameters
            {
                ProjectName = ProjectName, UserDomain = UserDomain, ProjectDomain = ProjectDomain, Interface = Interface,
                ApplicationCredentialId = ApplicationCredentialId, ApplicationCredentialName = ApplicationCredentialName,
                CACertificate = CACertificate is null ? null : GetUnresolvedProviderPathFromPSPath(CACertificate),
            },
            AllowUnencryptedEndpoint = AllowUnencryptedEndpoint.IsPresent,
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            FromConfiguration = true,
            Profile = Profile,
            MaxRetries = MaxRetries,
            ConcurrentPages = ConcurrentPages,
            Default = Default.IsPresent,
            PassThru = PassThru.IsPresent,
        };
        var here = SessionState.Path.CurrentFileSystemLocation.ProviderPath; // clouds.yaml is looked for in PowerShell's current folder
        Run(() => new ConnectProviderOperation(Connections, Context, openStackConfig: () => OpenStackConfigLoader.ForCurrentProcess(here)).Process(request));
    }
}
