#Requires -Version 5.1
# Every PowerShell file of the repository parses with PowerShell's own parser.

BeforeDiscovery {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $skip = '[\\/](node_modules|bin|obj|out|\.git)[\\/]'
    $script:files = Get-ChildItem -Path $repo -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
        Where-Object { $_.FullName -notmatch $skip } |
        ForEach-Object { @{ Name = $_.FullName.Substring($repo.Length + 1); Path = $_.FullName } }
}

Describe 'PowerShell syntax' {
    It '<Name> parses' -ForEach $script:files {
        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors) | Out-Null
        ($errors | ForEach-Object { "$($_.Extent.StartLineNumber):$($_.Extent.StartColumnNumber) $($_.Message)" }) | Should -BeNullOrEmpty
    }
}
