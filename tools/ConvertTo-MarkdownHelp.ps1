#Requires -Version 5.1
<#
.SYNOPSIS
    Writes docs/<Cmdlet>.md for every cmdlet of a MAML help file, docs/about_SnapshotPS.md from the
    about topic, and docs/README.md as their index. Called by Update-ModuleHelp.ps1; the MAML file is
    the source, so never edit docs/ by hand.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $HelpPath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [string] $AboutPath
)

$ErrorActionPreference = 'Stop'

$manager = $null
function Select-Nodes($Node, [string] $XPath) { @($Node.SelectNodes($XPath, $manager)) }
function Select-Text($Node, [string] $XPath) {
    $found = $Node.SelectSingleNode($XPath, $manager)
    if ($found) { $found.InnerText.Trim() } else { '' }
}
function Get-Paras($Node, [string] $XPath = 'maml:description/maml:para') { @(Select-Nodes $Node $XPath | ForEach-Object { $_.InnerText.Trim() } | Where-Object { $_ }) }

function Format-SyntaxItem($Item) {
    $parts = @(Select-Text $Item 'maml:name')
    foreach ($parameter in Select-Nodes $Item 'command:parameter') {
        $name = Select-Text $parameter 'maml:name'
        $value = Select-Text $parameter 'command:parameterValue'
        $text = if ($parameter.GetAttribute('position') -ne 'named') { "[-$name]" } else { "-$name" }
        if ($value) { $text += " <$value>" }
        if ($parameter.GetAttribute('required') -ne 'true') { $text = "[$text]" }
        $parts += $text
    }
    ($parts + '[<CommonParameters>]') -join ' '
}

$doc = New-Object System.Xml.XmlDocument
$doc.Load((Resolve-Path $HelpPath).Path)
$manager = New-Object System.Xml.XmlNamespaceManager $doc.NameTable
$manager.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
$manager.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
$manager.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')

New-Item -ItemType Directory -Force -Path $DocsPath | Out-Null
$utf8 = New-Object System.Text.UTF8Encoding $false
$index = @('# SnapshotPS cmdlets', '', 'Generated from en-US/SnapshotPS.dll-Help.xml by tools/Update-ModuleHelp.ps1 (`./build.ps1 -Task Help`); in PowerShell, `Get-Help <cmdlet> -Full` shows the same text.', '')
foreach ($command in Select-Nodes $doc.DocumentElement 'command:command') {
    $name = Select-Text $command 'command:details/command:name'
    $lines = @("# $name", '', '## SYNOPSIS', '') + (Get-Paras $command 'command:details/maml:description/maml:para') + @('', '## SYNTAX', '')
    foreach ($item in Select-Nodes $command 'command:syntax/command:syntaxItem') { $lines += @('```powershell', (Format-SyntaxItem $item), '```', '') }
    $lines += @('## DESCRIPTION', '')
    foreach ($para in Get-Paras $command) { $lines += @($para, '') }
    $lines += @('## PARAMETERS', '')
    foreach ($parameter in Select-Nodes $command 'command:parameters/command:parameter') {
        $lines += @("### -$(Select-Text $parameter 'maml:name')", '')
        foreach ($para in Get-Paras $parameter) { $lines += @($para, '') }
        $values = @(Select-Nodes $parameter 'command:parameterValueGroup/command:parameterValue' | ForEach-Object { $_.InnerText.Trim() })
        $lines += @(
            '| | |', '|---|---|',
            "| Type | $(Select-Text $parameter 'dev:type/maml:name') |",
            "| Required | $($parameter.GetAttribute('required')) |",
            "| Position | $($parameter.GetAttribute('position')) |",
            "| Default value | $(Select-Text $parameter 'dev:defaultValue') |",
            "| Accept pipeline input | $($parameter.GetAttribute('pipelineInput')) |",
            "| Accept wildcard characters | $($parameter.GetAttribute('globbing')) |",
            "| Aliases | $($parameter.GetAttribute('aliases')) |")
        if ($values.Count -gt 0) { $lines += "| Accepted values | $($values -join ', ') |" }
        $lines += ''
    }
    $lines += @('### CommonParameters', '', 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction and -WarningVariable. See about_CommonParameters.', '')
    foreach ($section in @(@('INPUTS', 'command:inputTypes/command:inputType'), @('OUTPUTS', 'command:returnValues/command:returnValue'))) {
        $lines += @("## $($section[0])", '')
        foreach ($entry in Select-Nodes $command $section[1]) {
            $lines += @("### $(Select-Text $entry 'dev:type/maml:name')", '')
            foreach ($para in Get-Paras $entry) { $lines += @($para, '') }
        }
    }
    $notes = @(Get-Paras $command 'maml:alertSet/maml:alert/maml:para')
    if ($notes.Count -gt 0) { $lines += @('## NOTES', ''); foreach ($para in $notes) { $lines += @($para, '') } }
    $lines += @('## EXAMPLES', '')
    foreach ($example in Select-Nodes $command 'command:examples/command:example') {
        $lines += @("### $((Select-Text $example 'maml:title').Trim('-', ' '))", '', '```powershell', (Select-Text $example 'dev:code'), '```', '')
        foreach ($para in Get-Paras $example 'dev:remarks/maml:para') { $lines += @($para, '') }
    }
    $lines += @('## RELATED LINKS', '')
    foreach ($link in Select-Nodes $command 'command:relatedLinks/maml:navigationLink') {
        $text = Select-Text $link 'maml:linkText'
        $uri = Select-Text $link 'maml:uri'
        if ($text -eq 'Online Version:') { continue }
        $lines += if ($uri) { "- [$text]($uri)" } elseif ($text -like 'about_*') { "- [$text]($text.md)" } else { "- [$text]($text.md)" }
    }
    [System.IO.File]::WriteAllText((Join-Path $DocsPath "$name.md"), (($lines -join "`n").TrimEnd() + "`n"), $utf8)
    $index += "- [$name]($name.md): $((Get-Paras $command 'command:details/maml:description/maml:para') -join ' ')"
}

if ($AboutPath -and (Test-Path $AboutPath)) {
    $about = (Get-Content -LiteralPath $AboutPath -Raw) -replace "`r`n", "`n"
    [System.IO.File]::WriteAllText((Join-Path $DocsPath 'about_SnapshotPS.md'), "# about_SnapshotPS`n`n``````text`n$($about.TrimEnd())`n```````n", $utf8)
    $index += @('', '- [about_SnapshotPS](about_SnapshotPS.md): providers, pipelines, waiting, exporting, retention, errors and testing runbooks against the emulator.')
}
[System.IO.File]::WriteAllText((Join-Path $DocsPath 'README.md'), (($index -join "`n") + "`n"), $utf8)
