<#
.SYNOPSIS
    Writes a capdo snapshot (JSON, UTF-8) of this Windows PC for `capdo evaluate`.
.DESCRIPTION
    Read-only: queries Defender, firewall, password/lockout policy, SMB1, RDP, hotfixes, BitLocker,
    screen lock, AutoRun, local accounts and Administrators, and the Security log size. Changes nothing.
    The schema is docs/snapshot.schema.json; the sections are documented in docs/facts.md.
    Windows PowerShell 5.1 compatible. Run as Administrator for BitLocker and secedit.
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File Collect-CapdoSnapshot.ps1 -Output \\nas\capdo\snapshots\$env:COMPUTERNAME.json
#>
[CmdletBinding()]
param([Parameter(Mandatory = $true)][string]$Output)

$ErrorActionPreference = 'Stop'
$issues = New-Object System.Collections.ArrayList
function Add-Issue([string]$collector, [string]$message) {
    [void]$issues.Add([ordered]@{ collector = $collector; level = 'error'; message = $message })
}
function To-Utc($date) {
    if ($null -eq $date) { return $null }
    return ([datetime]$date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
}
function Try-Get([string]$collector, [scriptblock]$block) {
    try { return & $block } catch { Add-Issue $collector $_.Exception.Message; return $null }
}
$now = Get-Date

# --- system
$os = Try-Get 'system' { Get-CimInstance Win32_OperatingSystem }
$system = [ordered]@{
    os_id = 'windows'; os_id_like = @(); os_family = 'windows'
    version_id = $(if ($os) { $os.Version } else { $null }); pretty_name = $(if ($os) { $os.Caption } else { $null })
    hostname = $env:COMPUTERNAME; kernel = $(if ($os) { $os.Version } else { $null })
    architecture = $(if ([Environment]::Is64BitOperatingSystem) { 'amd64' } else { 'x86' })
    source = 'Get-CimInstance Win32_OperatingSystem'
}

# --- password and lockout policy (secedit export; net accounts as a fallback)
$policy = [ordered]@{}
$keys = 'MinimumPasswordLength', 'PasswordComplexity', 'MaximumPasswordAge', 'MinimumPasswordAge', 'PasswordHistorySize',
        'LockoutBadCount', 'LockoutDuration', 'ResetLockoutCount'
$temp = Join-Path $env:TEMP ("capdo-secedit-{0}.inf" -f [guid]::NewGuid())
Try-Get 'config.windows_policy' {
    secedit /export /cfg $temp /areas SECURITYPOLICY /quiet | Out-Null
    foreach ($line in (Get-Content -LiteralPath $temp)) {
        if ($line -match '^\s*(\w+)\s*=\s*(-?\d+)\s*$' -and $keys -contains $Matches[1]) {
            $policy[$Matches[1]] = [ordered]@{ value = $Matches[2]; file = 'secedit /export' }
        }
    }
} | Out-Null
if (Test-Path -LiteralPath $temp) { Remove-Item -LiteralPath $temp -Force }
if ($policy.Count -eq 0) {
    $net = Try-Get 'config.windows_policy' { net accounts }
    $map = @{ 'Minimum password length' = 'MinimumPasswordLength'; 'Maximum password age' = 'MaximumPasswordAge'
              'Minimum password age' = 'MinimumPasswordAge'; 'Length of password history maintained' = 'PasswordHistorySize'
              'Lockout threshold' = 'LockoutBadCount'; 'Lockout duration' = 'LockoutDuration' }
    foreach ($line in @($net)) {
        $parts = "$line" -split ':\s+', 2
        if ($parts.Count -eq 2 -and $map.ContainsKey($parts[0].Trim())) {
            $value = $parts[1].Trim()
            if ($value -match '^(Unlimited|Never|None)$') { $value = $(if ($parts[0] -like 'Lockout threshold*') { '0' } else { '-1' }) }
            if ($value -match '^-?\d+') { $policy[$map[$parts[0].Trim()]] = [ordered]@{ value = $Matches[0]; file = 'net accounts' } }
        }
    }
}

# --- local accounts (never a password or hash: only whether one is required)
$accounts = New-Object System.Collections.ArrayList
Try-Get 'accounts' {
    foreach ($user in Get-LocalUser) {
        $rid = [int]($user.SID.Value -split '-')[-1]
        $entry = [ordered]@{ name = $user.Name; uid = $rid; gid = 513; interactive = [bool]$user.Enabled; system = ($rid -lt 1000)
            password = $(if (-not $user.Enabled) { 'disabled' } elseif (-not $user.PasswordRequired) { 'empty' } else { 'set' })
            file = 'Get-LocalUser' }
        if ($user.PasswordLastSet) { $entry.last_change = To-Utc $user.PasswordLastSet }
        if ($user.LastLogon) { $entry.last_login = To-Utc $user.LastLogon }
        [void]$accounts.Add($entry)
    }
} | Out-Null
$admins = @(Try-Get 'windows.local_admins' { Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object { $_.Name } })

# --- Microsoft Defender (normalised to capdo's antivirus product; 4294967295 = never)
$products = New-Object System.Collections.ArrayList
$mp = Try-Get 'antivirus' { Get-MpComputerStatus }
if ($mp) {
    $never = [uint32]::MaxValue
    $passive = "$($mp.AMRunningMode)" -like '*Passive*'
    $enabled = [bool]($mp.AMServiceEnabled -and $mp.AntivirusEnabled -and -not $passive)
    $product = [ordered]@{ product = 'defender'; name = 'Microsoft Defender Antivirus'; file = 'Get-MpComputerStatus'
        enabled = $enabled; real_time = [bool]($enabled -and $mp.RealTimeProtectionEnabled)
        tamper_protection = [bool]$mp.IsTamperProtected; running_mode = "$($mp.AMRunningMode)"
        engine_version = "$($mp.AMEngineVersion)"; signature_version = "$($mp.AntivirusSignatureVersion)"
        databases = @(); services = [ordered]@{ WinDefend = [bool]$mp.AMServiceEnabled } }
    if ($mp.AntivirusSignatureAge -ne $never -and $mp.AntivirusSignatureLastUpdated) {
        $product.signature_time = To-Utc $mp.AntivirusSignatureLastUpdated
        $product.reported_signature_age_days = [int]$mp.AntivirusSignatureAge
    }
    if ($mp.FullScanAge -ne $never -and $mp.FullScanEndTime) { $product.last_full_scan = To-Utc $mp.FullScanEndTime }
    if ($mp.QuickScanAge -ne $never -and $mp.QuickScanEndTime) { $product.last_quick_scan = To-Utc $mp.QuickScanEndTime }
    [void]$products.Add($product)
}

# --- Windows-only facts
$windows = [ordered]@{ source = 'Collect-CapdoSnapshot.ps1 1.0'; firewall_profiles = @(); bitlocker_volumes = @(); local_admins = $admins }
$windows.firewall_profiles = @(Try-Get 'windows.firewall' {
    Get-NetFirewallProfile | ForEach-Object { [ordered]@{ name = "$($_.Name)"; enabled = ("$($_.Enabled)" -eq 'True'); default_inbound = "$($_.DefaultInboundAction)" } }
})
$smb = Try-Get 'windows.smb1' { Get-SmbServerConfiguration }
if ($smb) { $windows.smb1_enabled = [bool]$smb.EnableSMB1Protocol }
$ts = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
$deny = Try-Get 'windows.rdp' { (Get-ItemProperty -LiteralPath $ts -Name fDenyTSConnections).fDenyTSConnections }
if ($null -ne $deny) { $windows.rdp_enabled = ($deny -eq 0) }
$nla = Try-Get 'windows.rdp' { (Get-ItemProperty -LiteralPath "$ts\WinStations\RDP-Tcp" -Name UserAuthentication).UserAuthentication }
if ($null -ne $nla) { $windows.rdp_nla = ($nla -eq 1) }
$hotfix = Try-Get 'windows.hotfix' { Get-HotFix | Where-Object { $_.InstalledOn } | Sort-Object InstalledOn -Descending | Select-Object -First 1 }
if ($hotfix) { $windows.last_hotfix = To-Utc $hotfix.InstalledOn; $windows.last_hotfix_id = "$($hotfix.HotFixID)" }
$windows.bitlocker_volumes = @(Try-Get 'windows.bitlocker' {
    Get-BitLockerVolume | ForEach-Object { [ordered]@{ mount_point = "$($_.MountPoint)"; volume_type = "$($_.VolumeType)"
        protection_on = ("$($_.ProtectionStatus)" -eq 'On'); volume_status = "$($_.VolumeStatus)"; encryption_percentage = [double]$_.EncryptionPercentage } }
})
$lock = @()
$inactivity = (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -ErrorAction SilentlyContinue).InactivityTimeoutSecs
if ($inactivity -gt 0) { $lock += [int]$inactivity }
$desktop = Get-ItemProperty -LiteralPath 'HKCU:\Control Panel\Desktop' -ErrorAction SilentlyContinue
if ($desktop -and "$($desktop.ScreenSaverIsSecure)" -eq '1' -and [int]"0$($desktop.ScreenSaveTimeOut)" -gt 0) { $lock += [int]$desktop.ScreenSaveTimeOut }
if ($lock.Count -gt 0) { $windows.screen_lock_seconds = ($lock | Measure-Object -Minimum).Minimum }
$explorer = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\Explorer' -ErrorAction SilentlyContinue
$noDrive = $(if ($explorer -and $null -ne $explorer.NoDriveTypeAutoRun) { [int]$explorer.NoDriveTypeAutoRun } else { $null })
if ($null -ne $noDrive) { $windows.no_drive_type_autorun = $noDrive }
$windows.autorun_disabled = (($noDrive -eq 255) -or ($explorer -and $explorer.NoAutorun -eq 1))
$log = Try-Get 'windows.eventlog' { wevtutil gl Security }
foreach ($line in @($log)) { if ("$line" -match '^\s*maxSize:\s*(\d+)') { $windows.security_log_max_bytes = [long]$Matches[1] } }

$snapshot = [ordered]@{
    schema_version = 1; collected_at = To-Utc $now
    scanner = [ordered]@{ name = 'Collect-CapdoSnapshot.ps1'; version = '1.0' }
    root = 'C:\'; live = $true; system = $system
    config = [ordered]@{ windows_policy = [ordered]@{ files = @('secedit /export', 'net accounts'); present = ($policy.Count -gt 0); entries = $policy; blocks = @() } }
    accounts = [ordered]@{ sources = @('Get-LocalUser'); shadow_readable = $true; uid0 = @(); accounts = $accounts }
    files = [ordered]@{}
    antivirus = [ordered]@{ sources = @('Get-MpComputerStatus'); products = $products }
    windows = $windows; issues = $issues
    collectors = @([ordered]@{ id = 'windows-script'; milliseconds = [math]::Round(((Get-Date) - $now).TotalMilliseconds, 1); issues = $issues.Count })
}
# UTF-8 without BOM, whatever the console encoding (Out-File in 5.1 would write UTF-16).
$json = $snapshot | ConvertTo-Json -Depth 8
[System.IO.File]::WriteAllText($Output, $json, (New-Object System.Text.UTF8Encoding $false))
Write-Host "capdo snapshot written to $Output ($($issues.Count) issue(s))"
