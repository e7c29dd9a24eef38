global using System.Management.Automation;
global using System.Management.Automation.Host;
global using System.Management.Automation.Runspaces;
global using SnapshotPS.PowerShell.Tests.Support;
global using Xunit;
