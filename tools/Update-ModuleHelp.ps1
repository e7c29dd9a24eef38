#Requires -Version 5.1
<#
.SYNOPSIS
    Regenerates the syntax, parameter metadata and INPUTS of en-US/SnapshotPS.dll-Help.xml from the
    built module's cmdlet metadata, keeping every hand-written text, then writes docs/<Cmdlet>.md.
.DESCRIPTION
    Run it after building (dotnet build, or ./build.ps1 -Task Help which builds and runs it) whenever a
    cmdlet's parameters change. It imports out/SnapshotPS in this process, so run it in a fresh one:

        tests/SnapshotPS.TestHost/bin/Release/net10.0/pwsh -NoProfile -File tools/Update-ModuleHelp.ps1

    From the metadata: every syntax item (one per parameter set, the default first), each parameter's
    type, position, mandatory, pipeline input, aliases, wildcards and enum values, the parameter list
    (with -WhatIf, -Confirm and the paging parameters, without the other common parameters), the
    INPUTS (what binds by value and by property name) and the "Online Version" link (HelpUri).
    Kept from the file: synopsis, description, parameter descriptions and default values, outputs,
    notes, examples and related links. After merging a branch that changed the help, keep this
    branch's file and pass the other's as -DescriptionsFrom: its descriptions fill the parameters
    this file does not describe (new examples or paragraphs still need porting by hand). A parameter without a description gets none, and is listed at
    the end (the help tests then fail until someone writes it). Running it twice changes nothing.
    The file is also copied into out/SnapshotPS/en-US so that the tests see it without a rebuild.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SnapshotPS/SnapshotPS.psd1'),
    [string] $HelpPath = (Join-Path $PSScriptRoot '../en-US/SnapshotPS.dll-Help.xml'),
    [string] $DocsPath = (Join-Path $PSScriptRoot '../docs'),

    # Another version of the MAML file (another branch's, after a merge): a parameter that has no
    # description here takes its description and default value from there.
    [string] $DescriptionsFrom
)

$ErrorActionPreference = 'Stop'

$ns = @{
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# Descriptions of the parameters PowerShell adds, used only where the file has none yet.
$standardDescriptions = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs: each target is named ("name (id) on connection") and nothing is changed.'
    Confirm           = 'Prompts you for confirmation before each change the cmdlet makes.'
    First             = 'Gets only the first N objects.'
    Skip              = 'Skips the first N objects, then gets the rest.'
    IncludeTotalCount = 'Writes the total count of objects before the objects themselves.'
}
$excluded = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')

Import-Module -Name (Resolve-Path $ModulePath).Path -Force
$helpFile = (Resolve-Path $HelpPath).Path
$doc = New-Object System.Xml.XmlDocument
$doc.PreserveWhitespace = $false
$doc.Load($helpFile)
$manager = New-Object System.Xml.XmlNamespaceManager $doc.NameTable
foreach ($prefix in $ns.Keys) { $manager.AddNamespace($prefix, $ns[$prefix]) }

function New-Element([string] $Prefix, [string] $Name, [string] $Text) {
    $element = $doc.CreateElement($Prefix, $Name, $ns[$Prefix])
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    $element
}

function Get-TypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-EnumValues([type] $Type, $Attributes) {
    $set = @($Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
    if ($set.Count -gt 0) { return @($set[0].ValidValues) }
    if ($Type.IsArray) { $Type = $Type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsEnum) { return [Enum]::GetNames($Type) }
    @()
}

function Get-PipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    $kinds = @()
    if ($ByValue) { $kinds += 'ByValue' }
    if ($ByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds.Count -eq 0) { 'False' } else { 'True (' + ($kinds -join ', ') + ')' }
}

# One parameter element, for a syntax item or for the parameter list.
function New-ParameterElement($Parameter, [bool] $Required, [string] $Position, [string] $PipelineInput, $Description, [string] $DefaultValue) {
    $type = $Parameter.ParameterType
    $element = New-Element 'command' 'parameter'
    $element.SetAttribute('required', $Required.ToString().ToLowerInvariant())
    $element.SetAttribute('variableLength', $type.IsArray.ToString().ToLowerInvariant())
    $globbing = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
    $element.SetAttribute('globbing', $globbing.ToString().ToLowerInvariant())
    $element.SetAttribute('pipelineInput', $PipelineInput)
    $element.SetAttribute('position', $Position)
    $aliases = @($Parameter.Aliases)
    $element.SetAttribute('aliases', $(if ($aliases.Count -gt 0) { $aliases -join ', ' } else { 'none' }))
    [void]$element.AppendChild((New-Element 'maml' 'name' $Parameter.Name))
    $descriptionElement = New-Element 'maml' 'description'
    if ($Description) { foreach ($para in $Description) { [void]$descriptionElement.AppendChild((New-Element 'maml' 'para' $para)) } }
    [void]$element.AppendChild($descriptionElement)
    $values = @(Get-EnumValues $type $Parameter.Attributes)
    if ($values.Count -gt 0) {
        $group = New-Element 'command' 'parameterValueGroup'
        foreach ($value in $values) {
            $item = New-Element 'command' 'parameterValue' $value
            $item.SetAttribute('required', 'false')
            $item.SetAttribute('variableLength', $ns.command, 'false') | Out-Null
            [void]$group.AppendChild($item)
        }
        [void]$element.AppendChild($group)
    }
    if ($type -ne [System.Management.Automation.SwitchParameter]) {
        $value = New-Element 'command' 'parameterValue' (Get-TypeName $type)
        $value.SetAttribute('required', 'true')
        $value.SetAttribute('variableLength', $type.IsArray.ToString().ToLowerInvariant())
        [void]$element.AppendChild($value)
    }
    $devType = New-Element 'dev' 'type'
    [void]$devType.AppendChild((New-Element 'maml' 'name' $type.FullName))
    [void]$devType.AppendChild((New-Element 'maml' 'uri'))
    [void]$element.AppendChild($devType)
    [void]$element.AppendChild((New-Element 'dev' 'defaultValue' $DefaultValue))
    $element
}

function Get-Paras($Node) {
    if ($null -eq $Node) { return @() }
    @($Node.SelectNodes('maml:description/maml:para', $manager) | ForEach-Object { $_.InnerText } | Where-Object { $_.Trim().Length -gt 0 })
}

function New-InputType([string] $TypeName, [string] $Text) {
    $inputType = New-Element 'command' 'inputType'
    $devType = New-Element 'dev' 'type'
    [void]$devType.AppendChild((New-Element 'maml' 'name' $TypeName))
    [void]$inputType.AppendChild($devType)
    $description = New-Element 'maml' 'description'
    [void]$description.AppendChild((New-Element 'maml' 'para' $Text))
    [void]$inputType.AppendChild($description)
    $inputType
}

# INPUTS from the pipeline parameters: each by-value type, what a snapshot reference accepts, and the
# properties that bind by name. A by-value entry keeps its hand-written text when the file has one.
function New-InputTypes($Command, $Old) {
    $kept = @{}
    if ($Old) { foreach ($entry in $Old.SelectNodes('command:inputType', $manager)) { $kept[$entry.SelectSingleNode('dev:type/maml:name', $manager).InnerText.Trim()] = @(Get-Paras $entry) } }
    $inputTypes = New-Element 'command' 'inputTypes'
    $parameters = @($Command.Parameters.Values | Where-Object { $excluded -notcontains $_.Name } | Sort-Object Name)
    $byName = @()
    foreach ($parameter in $parameters) {
        $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        if (@($attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0) {
            $names = @($parameter.Name) + @($parameter.Aliases)
            $byName += ($names[0] + $(if ($names.Count -gt 1) { ' (or ' + ($names[1..($names.Count - 1)] -join ', ') + ')' } else { '' }))
        }
        if (@($attributes | Where-Object ValueFromPipeline).Count -eq 0) { continue }
        $type = $parameter.ParameterType
        if ($type.IsArray) { $type = $type.GetElementType() }
        $text = if ($kept.ContainsKey($type.FullName) -and $kept[$type.FullName].Count -gt 0 -and $kept[$type.FullName][0] -notmatch 'by property name') {
            $kept[$type.FullName][0]
        } else { "Bound to -$($parameter.Name) by value." }
        [void]$inputTypes.AppendChild((New-InputType $type.FullName $text))
        if (@($parameter.Attributes | Where-Object { $_.GetType().Name -eq 'SnapshotInputAttribute' }).Count -gt 0) {
            [void]$inputTypes.AppendChild((New-InputType 'System.String' "A snapshot id, bound to -$($parameter.Name) by value and resolved on -Connection or else the default connection ('snap-1a2b3c4d' | ..., Get-Content ids.txt | ...)."))
            [void]$inputTypes.AppendChild((New-InputType 'System.Collections.Hashtable' "A hashtable (any IDictionary) naming a snapshot: an Id (or SnapshotId) key, and where wanted Connection, Location (or Zone, Region) and Provider keys. Bound to -$($parameter.Name) by value; without Connection, -Connection or else the default connection is used, and a Provider that differs from the connection's is an error for that item."))
            [void]$inputTypes.AppendChild((New-InputType 'System.Management.Automation.PSCustomObject' "An object with the same properties, such as an Import-Csv row or a ConvertFrom-Json object of a snapshot kept earlier (Export-Csv, ConvertTo-Json), bound to -$($parameter.Name) by value and read like a hashtable."))
        }
    }
    if ($byName.Count -gt 0) {
        [void]$inputTypes.AppendChild((New-InputType 'System.Management.Automation.PSObject' ('Any other object with properties named ' + ($byName -join ', ') + ': each binds by property name to the parameter of that name.')))
    }
    if (-not $inputTypes.HasChildNodes) {
        $text = if ($kept.ContainsKey('None') -and $kept['None'].Count -gt 0) { $kept['None'][0] } else { "You cannot pipe objects to $($Command.Name)." }
        [void]$inputTypes.AppendChild((New-InputType 'None' $text))
    }
    $inputTypes
}

$otherHelp = $null
if ($DescriptionsFrom) {
    $otherHelp = New-Object System.Xml.XmlDocument
    $otherHelp.Load((Resolve-Path $DescriptionsFrom).Path)
}

function Update-CommandHelp($Entry, $Command) {
    $name = $Command.Name
    $sources = @($Entry)
    if ($otherHelp) {
        $other = $otherHelp.DocumentElement.SelectSingleNode("command:command[command:details/command:name[normalize-space(.)='$name']]", $manager)
        if ($other) { $sources += $other }
    }
    # Each parameter's fullest description: from the parameter list, else from a syntax item.
    # A second source (-DescriptionsFrom) only fills what this file does not describe.
    $oldParameters = @{}
    foreach ($source in $sources) {
        $found = @{}
        $nodes = @($source.SelectNodes('command:parameters/command:parameter', $manager)) + @($source.SelectNodes('command:syntax/command:syntaxItem/command:parameter', $manager))
        foreach ($node in $nodes) {
            $key = $node.SelectSingleNode('maml:name', $manager).InnerText.Trim()
            if (-not $found.ContainsKey($key) -or @(Get-Paras $node).Count -gt @(Get-Paras $found[$key]).Count) { $found[$key] = $node }
        }
        foreach ($key in $found.Keys) {
            if (-not $oldParameters.ContainsKey($key) -or @(Get-Paras $oldParameters[$key]).Count -eq 0) { $oldParameters[$key] = $found[$key] }
        }
    }
    $describe = {
        param($parameter)
        $paras = @(Get-Paras $oldParameters[$parameter.Name])
        if ($paras.Count -eq 0 -and $standardDescriptions.ContainsKey($parameter.Name)) { $paras = @($standardDescriptions[$parameter.Name]) }
        if ($paras.Count -eq 0) { $script:undescribed += "$name -$($parameter.Name)" }
        , $paras
    }
    $defaultOf = {
        param($parameter)
        $old = $oldParameters[$parameter.Name]
        if ($old -and $old.SelectSingleNode('dev:defaultValue', $manager)) { return $old.SelectSingleNode('dev:defaultValue', $manager).InnerText }
        if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { 'False' } else { 'None' }
    }

    $sets = @($Command.ParameterSets | Sort-Object @{ Expression = { -not $_.IsDefault } }, Name)
    $syntax = New-Element 'command' 'syntax'
    $listed = New-Object System.Collections.Generic.List[string]
    $perParameter = @{}
    foreach ($set in $sets) {
        $item = New-Element 'command' 'syntaxItem'
        [void]$item.AppendChild((New-Element 'maml' 'name' $name))
        $inSet = @($set.Parameters | Where-Object { $excluded -notcontains $_.Name })
        $ordered = @($inSet | Where-Object { $_.Position -ge 0 } | Sort-Object Position) +
            @($inSet | Where-Object { $_.Position -lt 0 -and $_.Name -notin 'WhatIf', 'Confirm' }) +
            @($inSet | Where-Object { $_.Name -in 'WhatIf', 'Confirm' } | Sort-Object Name -Descending)
        foreach ($parameter in $ordered) {
            $position = if ($parameter.Position -ge 0) { [string]$parameter.Position } else { 'named' }
            $pipeline = Get-PipelineInput $parameter.ValueFromPipeline $parameter.ValueFromPipelineByPropertyName
            [void]$item.AppendChild((New-ParameterElement $parameter $parameter.IsMandatory $position $pipeline @() (& $defaultOf $parameter)))
            if (-not $perParameter.ContainsKey($parameter.Name)) { $listed.Add($parameter.Name); $perParameter[$parameter.Name] = @() }
            $perParameter[$parameter.Name] += $parameter
        }
        [void]$syntax.AppendChild($item)
    }

    $parametersElement = New-Element 'command' 'parameters'
    foreach ($parameterName in $listed) {
        $uses = @($perParameter[$parameterName])
        $first = $uses[0]
        $required = @($uses | Where-Object { -not $_.IsMandatory }).Count -eq 0
        $position = if ($first.Position -ge 0) { [string]$first.Position } else { 'named' }
        $pipeline = Get-PipelineInput (@($uses | Where-Object ValueFromPipeline).Count -gt 0) (@($uses | Where-Object ValueFromPipelineByPropertyName).Count -gt 0)
        [void]$parametersElement.AppendChild((New-ParameterElement $first $required $position $pipeline (& $describe $first) (& $defaultOf $first)))
    }

    $oldInputs = $Entry.SelectSingleNode('command:inputTypes', $manager)
    $inputs = New-InputTypes $Command $oldInputs
    foreach ($old in @($Entry.SelectSingleNode('command:syntax', $manager), $Entry.SelectSingleNode('command:parameters', $manager), $oldInputs)) {
        if ($old) { [void]$Entry.RemoveChild($old) }
    }
    $anchor = $Entry.SelectSingleNode('maml:description', $manager)
    $anchor = $Entry.InsertAfter($syntax, $anchor)
    $anchor = $Entry.InsertAfter($parametersElement, $anchor)
    [void]$Entry.InsertAfter($inputs, $anchor)

    # The "Online Version" link first among the related links (Get-Help -Online), pointing at HelpUri.
    $links = $Entry.SelectSingleNode('command:relatedLinks', $manager)
    if (-not $links) { $links = $Entry.AppendChild((New-Element 'command' 'relatedLinks')) }
    foreach ($link in @($links.SelectNodes('maml:navigationLink', $manager))) {
        if ($link.SelectSingleNode('maml:linkText', $manager).InnerText -eq 'Online Version:') { [void]$links.RemoveChild($link) }
    }
    if ($Command.HelpUri) {
        $online = New-Element 'maml' 'navigationLink'
        [void]$online.AppendChild((New-Element 'maml' 'linkText' 'Online Version:'))
        [void]$online.AppendChild((New-Element 'maml' 'uri' $Command.HelpUri))
        [void]$links.PrependChild($online)
    }
}

$script:undescribed = @()
$commands = @(Get-Command -Module SnapshotPS -CommandType Cmdlet | Sort-Object Name)
$root = $doc.DocumentElement
foreach ($command in $commands) {
    $entry = $root.SelectSingleNode("command:command[command:details/command:name[normalize-space(.)='$($command.Name)']]", $manager)
    if (-not $entry) {
        Write-Warning "$($command.Name) had no help entry; a skeleton was added. Write its synopsis, description and examples."
        $entry = New-Element 'command' 'command'
        $details = New-Element 'command' 'details'
        [void]$details.AppendChild((New-Element 'command' 'name' $command.Name))
        [void]$details.AppendChild((New-Element 'maml' 'description'))
        [void]$details.AppendChild((New-Element 'command' 'verb' $command.Verb))
        [void]$details.AppendChild((New-Element 'command' 'noun' $command.Noun))
        [void]$entry.AppendChild($details)
        [void]$entry.AppendChild((New-Element 'maml' 'description'))
        [void]$entry.AppendChild((New-Element 'command' 'examples'))
        [void]$root.AppendChild($entry)
    }
    Update-CommandHelp $entry $command
}

$settings = New-Object System.Xml.XmlWriterSettings
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = New-Object System.Text.UTF8Encoding $false
$buffer = New-Object System.IO.MemoryStream
$writer = [System.Xml.XmlWriter]::Create($buffer, $settings)
try { $doc.Save($writer) } finally { $writer.Dispose() }
[System.IO.File]::WriteAllText($helpFile, [System.Text.Encoding]::UTF8.GetString($buffer.ToArray()) + "`n", $settings.Encoding)

$laidOut = Join-Path (Split-Path (Resolve-Path $ModulePath).Path) 'en-US'
if (Test-Path $laidOut) { Copy-Item -LiteralPath $helpFile -Destination (Join-Path $laidOut 'SnapshotPS.dll-Help.xml') -Force }

& (Join-Path $PSScriptRoot 'ConvertTo-MarkdownHelp.ps1') -HelpPath $helpFile -DocsPath $DocsPath -AboutPath (Join-Path (Split-Path $helpFile) 'about_SnapshotPS.help.txt')

Write-Host "Help updated for $($commands.Count) cmdlets: $helpFile and $DocsPath"
if ($script:undescribed.Count -gt 0) {
    Write-Warning ("Parameters without a description (write one in the parameters section): " + ($script:undescribed -join '; '))
}
