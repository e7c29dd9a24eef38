global using Xunit;
global using SnapshotPS.Tests.Infrastructure;
