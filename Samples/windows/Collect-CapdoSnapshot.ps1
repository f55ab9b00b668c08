<#
.SYNOPSIS
    Writes a capdo snapshot (JSON, UTF-8) of this Windows PC for `capdo evaluate`.
.DESCRIPTION
    Read-only: queries Defender and Security Center, firewall, password/lockout policy, SMB1, RDP (and its idle
    limit), hotfixes, BitLocker, screen lock, AutoRun, USB storage policy, local accounts and Administrators, the
    advanced audit policy, and the Security, System and Application log sizes and retention. Changes nothing.
    The schema is docs/snapshot.schema.json; the sections are documented in docs/facts.md; running it on many PCs
    and reading its issues is docs/windows.md.

    Every step that cannot look records an issue named by the fact path it would have filled
    (`windows.bitlocker_volumes`, `accounts`, `antivirus`) and leaves that fact out: capdo then judges every rule
    reading it as an error, never pass or fail. Windows PowerShell 5.1 compatible, 32- or 64-bit. Run as
    Administrator for secedit, auditpol, BitLocker, the SMB server settings and the Security log (docs/windows.md).
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File Collect-CapdoSnapshot.ps1 -Output \\nas\capdo\snapshots\$env:COMPUTERNAME.json
#>
[CmdletBinding()]
param([Parameter(Mandatory = $true)][string]$Output)

$ErrorActionPreference = 'Stop'
$version = '1.2'
$invariant = [System.Globalization.CultureInfo]::InvariantCulture
# A relative -Output is resolved against PowerShell's location, not .NET's process directory, which Set-Location
# does not change (PathIntrinsics.GetUnresolvedProviderPathFromPSPath).
$Output = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Output)
$issues = New-Object System.Collections.ArrayList

# An issue names the fact path the step would have filled; `file` only when one source of several failed and the
# values it alone gives are unknown (capdo: docs/windows.md, "Reading a snapshot's issues").
function Add-Issue([string]$path, [string]$message, [string]$level = 'error', [string]$file = '') {
    $issue = [ordered]@{ collector = $path; level = $level; message = $message }
    if ($file) { $issue.file = $file }
    [void]$issues.Add($issue)
}

# ISO 8601 UTC with the invariant culture: a custom format string with the current culture would use its calendar
# and time separator (DateTime.ToString(String, IFormatProvider)).
function To-Utc($date) {
    if ($null -eq $date) { return $null }
    return ([datetime]$date).ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", $invariant)
}

# Runs one step: @{ ok; value }, or the issue recorded under $path and ok = $false (the caller leaves the key out;
# nothing here ever returns $null into a list).
function Invoke-Step([string]$path, [scriptblock]$block) {
    try { return @{ ok = $true; value = (& $block) } }
    catch { Add-Issue $path $_.Exception.Message; return @{ ok = $false; value = $null } }
}

# A list without nulls: @($null) is a one-element array (about_Arrays), so nulls are filtered, never written.
function ConvertTo-List($value) {
    return , @($value | Where-Object { $null -ne $_ })
}

# Native programs never throw: their failure is only $LASTEXITCODE (about_Automatic_Variables). In Windows
# PowerShell 5.1 stderr redirected under 'Stop' would throw on the first line, so 'Continue' while it runs.
function Invoke-Native([string]$exe, [string[]]$arguments) {
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try { $out = & $exe @arguments 2>&1 } finally { $ErrorActionPreference = $previous }
    if ($LASTEXITCODE -ne 0) {
        $text = (@($out) | ForEach-Object { "$_" } | Where-Object { $_.Trim() }) -join ' '
        throw "$exe exited with code $LASTEXITCODE$(if ($text) { ": $text" })"
    }
    return @($out | ForEach-Object { "$_" })
}

# A registry value, or $null when the key or the value is absent (RegistryKey.GetValue(name, default)).
function Get-RegValue([string]$path, [string]$name) {
    if (-not (Test-Path -LiteralPath $path)) { return $null }
    return (Get-Item -LiteralPath $path -ErrorAction Stop).GetValue($name, $null)
}

# The first value that is set: a Group Policy key before the local setting it overrides.
function Get-FirstRegValue([string[]]$paths, [string]$name) {
    foreach ($path in $paths) { $value = Get-RegValue $path $name; if ($null -ne $value) { return $value } }
    return $null
}

# REG_DWORD arrives as an integer, REG_BINARY as byte[] (RegistryKey.GetValue); old templates wrote
# NoDriveTypeAutoRun as REG_BINARY, so both are read as a little-endian integer.
function ConvertTo-Int($value) {
    if ($null -eq $value) { return $null }
    if ($value -is [byte[]]) {
        $bytes = New-Object byte[] 4
        [Array]::Copy($value, $bytes, [Math]::Min(4, $value.Length))
        return [BitConverter]::ToInt32($bytes, 0)
    }
    $number = 0
    if ([int]::TryParse("$value", [System.Globalization.NumberStyles]::Integer, $invariant, [ref]$number)) { return $number }
    return $null
}

$now = Get-Date
$windows = [ordered]@{ source = "Collect-CapdoSnapshot.ps1 $version" }

# --- system
# A 32-bit PowerShell on 64-bit Windows sees PROCESSOR_ARCHITECTURE=x86; WOW64 puts the real one in
# PROCESSOR_ARCHITEW6432 (WOW64 Implementation Details). ARM64 is reported as ARM64, not AMD64.
$arch = $(if ($env:PROCESSOR_ARCHITEW6432) { $env:PROCESSOR_ARCHITEW6432 } else { $env:PROCESSOR_ARCHITECTURE })
$system = [ordered]@{
    os_id = 'windows'; os_id_like = @(); os_family = 'windows'; hostname = $env:COMPUTERNAME
    architecture = $(switch ($arch) { 'AMD64' { 'amd64' } 'ARM64' { 'arm64' } 'x86' { 'x86' } default { "$arch".ToLowerInvariant() } })
    source = 'Get-CimInstance Win32_OperatingSystem'
}
$os = Invoke-Step 'system.version_id' { Get-CimInstance -ClassName Win32_OperatingSystem -ErrorAction Stop }
if ($os.ok) { $system.version_id = "$($os.value.Version)"; $system.pretty_name = "$($os.value.Caption)"; $system.kernel = "$($os.value.Version)" }

# --- password and lockout policy: secedit (needs an administrator), else net accounts
$keys = 'MinimumPasswordLength', 'PasswordComplexity', 'MaximumPasswordAge', 'MinimumPasswordAge', 'PasswordHistorySize',
        'LockoutBadCount', 'LockoutDuration', 'ResetLockoutCount'
$policy = [ordered]@{}
$temp = Join-Path ([System.IO.Path]::GetTempPath()) ("capdo-secedit-{0}.inf" -f [guid]::NewGuid())
$secedit = Invoke-Step 'config.windows_policy' {
    [void](Invoke-Native 'secedit.exe' @('/export', '/cfg', $temp, '/areas', 'SECURITYPOLICY', '/quiet'))
    # secedit writes UTF-16 with a byte-order mark, which Get-Content detects.
    foreach ($line in (Get-Content -LiteralPath $temp -ErrorAction Stop)) {
        if ($line -match '^\s*(\w+)\s*=\s*(-?\d+)\s*$' -and $keys -contains $Matches[1]) {
            $policy[$Matches[1]] = [ordered]@{ value = $Matches[2]; file = 'secedit /export' }
        }
    }
}
if (Test-Path -LiteralPath $temp) { Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue }
if ($secedit.ok -and $policy.Count -eq 0) { Add-Issue 'config.windows_policy' 'secedit /export wrote no [System Access] values' }
if ($policy.Count -eq 0) {
    # The failure just recorded under config.windows_policy stands only if net accounts cannot stand in for it.
    $seceditIssue = $(if ($issues.Count -gt 0 -and $issues[$issues.Count - 1].collector -eq 'config.windows_policy') { $issues[$issues.Count - 1] } else { $null })
    if ($seceditIssue) { $issues.RemoveAt($issues.Count - 1) }
    # net accounts prints its lines in a fixed order (USER_MODALS_INFO_0 then _3: force logoff, minimum age, maximum
    # age, minimum length, history, lockout threshold, duration, window) in every display language; only the labels
    # are translated, so values are read by position, never by label. A word instead of a number is the
    # "never/unlimited/none" of that field (TIMEQ_FOREVER or 0 in USER_MODALS_INFO_0).
    $net = Invoke-Step 'config.windows_policy' { Invoke-Native 'net.exe' @('accounts') }
    if ($net.ok) {
        # A value line is "label: value" (the last colon; values hold none); the closing sentence has no colon.
        $values = @($net.value | ForEach-Object { if ($_ -match '^(.+):\s*(\S[^:]*?)\s*$') { $Matches[2] } })
        $positions = [ordered]@{ 1 = 'MinimumPasswordAge'; 2 = 'MaximumPasswordAge'; 3 = 'MinimumPasswordLength'
            4 = 'PasswordHistorySize'; 5 = 'LockoutBadCount'; 6 = 'LockoutDuration'; 7 = 'ResetLockoutCount' }
        $words = @{ MaximumPasswordAge = '-1'; PasswordHistorySize = '0'; LockoutBadCount = '0' }
        if ($values.Count -ge 8 -and $values[3] -match '^\d+$') {
            foreach ($index in $positions.Keys) {
                $key = $positions[$index]; $value = $values[$index]
                if ($value -match '^\d+$') { $policy[$key] = [ordered]@{ value = $value; file = 'net accounts' } }
                elseif ($words.ContainsKey($key)) { $policy[$key] = [ordered]@{ value = $words[$key]; file = 'net accounts' } }
            }
            $why = $(if ($seceditIssue) { $seceditIssue.message } else { 'secedit /export gave nothing' })
            Add-Issue 'config.windows_policy' "$why; PasswordComplexity not read, the other values come from net accounts" 'error' 'secedit /export'
        } else {
            $why = $(if ($seceditIssue) { "$($seceditIssue.message); " } else { '' })
            Add-Issue 'config.windows_policy' "$($why)net accounts printed $($values.Count) value lines, not the 9 expected: nothing read"
        }
    } elseif ($seceditIssue) { [void]$issues.Add($seceditIssue) }
}

# --- local accounts (never a password or hash)
$localUsers = Invoke-Step 'accounts' {
    # -ErrorAction Stop on each call: module cmdlets do not inherit $ErrorActionPreference from a script (about_Preference_Variables).
    $list = foreach ($user in (Get-LocalUser -ErrorAction Stop)) {
        $rid = [int](("$($user.SID.Value)" -split '-')[-1])
        $entry = [ordered]@{ name = "$($user.Name)"; uid = $rid; gid = 513; interactive = [bool]$user.Enabled; system = ($rid -lt 1000)
            # PasswordRequired = False (UF_PASSWD_NOTREQD) only allows an empty password; whether one is set cannot be read.
            password = $(if (-not $user.Enabled) { 'disabled' } else { 'unknown' })
            password_not_required = (-not $user.PasswordRequired); file = 'Get-LocalUser' }
        if ($user.PasswordLastSet) { $entry.last_change = To-Utc $user.PasswordLastSet }
        if ($user.LastLogon) { $entry.last_login = To-Utc $user.LastLogon }
        $entry
    }
    ConvertTo-List $list
}

# Get-LocalGroupMember throws "Failed to compare two elements" when the group holds an orphaned or Azure AD SID
# (PowerShell/PowerShell#2996), and is missing in 32-bit PowerShell: the WinNT provider lists the members then.
# `principal` is what capdo.yaml's local_admins_allowed matches: a local account without this PC's name in front, so
# one allow-list serves every PC; a domain or Azure AD member keeps its prefix.
function New-AdminMember([string]$name, $sid, [string]$source, [string]$class) {
    $prefix = "$env:COMPUTERNAME\"
    $principal = $(if ($name.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { $name.Substring($prefix.Length) } else { $name })
    $member = [ordered]@{ name = $name; principal = $principal }
    if ($sid) { $member.sid = "$sid" }
    if ($source) { $member.source = $source }
    if ($class) { $member.object_class = $class }
    return $member
}
$admins = Invoke-Step 'windows.local_admin_members' {
    try {
        ConvertTo-List (Get-LocalGroupMember -SID 'S-1-5-32-544' -ErrorAction Stop | ForEach-Object {
            New-AdminMember "$($_.Name)" $_.SID.Value "$($_.PrincipalSource)" "$($_.ObjectClass)" })
    }
    catch {
        # The group's name is translated; its SID is not (well-known SIDs).
        $name = (New-Object System.Security.Principal.SecurityIdentifier('S-1-5-32-544')).Translate([System.Security.Principal.NTAccount]).Value.Split('\')[-1]
        $group = [ADSI]"WinNT://$env:COMPUTERNAME/$name,group"
        ConvertTo-List (@($group.psbase.Invoke('Members')) | ForEach-Object {
            $path = $_.GetType().InvokeMember('ADsPath', 'GetProperty', $null, $_, $null) -replace '^WinNT://', ''
            $bytes = $_.GetType().InvokeMember('objectSid', 'GetProperty', $null, $_, $null)
            $sid = $(if ($bytes -is [byte[]]) { (New-Object System.Security.Principal.SecurityIdentifier($bytes, 0)).Value } else { $null })
            # A local member's ADsPath is WORKGROUP/PC/name or PC/name; the last two parts are the account.
            $parts = @($path -split '/')
            $first = [Math]::Max(0, $parts.Count - 2)
            New-AdminMember ($parts[$first..($parts.Count - 1)] -join '\') $sid '' '' })
    }
}
if ($admins.ok) {
    $windows.local_admin_members = $admins.value
    $windows.local_admins = ConvertTo-List ($admins.value | ForEach-Object { $_.name })
}

# --- anti-malware: Defender's own status, and the products Windows Security Center knows (client editions only)
$products = New-Object System.Collections.ArrayList
$mp = Invoke-Step 'antivirus' { Get-MpComputerStatus -ErrorAction Stop }
$defender = $null
if ($mp.ok -and $mp.value) {
    $status = $mp.value
    $never = [uint32]::MaxValue   # MSFT_MpComputerStatus: 4294967295 days means never
    $passive = "$($status.AMRunningMode)" -like '*Passive*'
    $enabled = [bool]($status.AMServiceEnabled -and $status.AntivirusEnabled -and -not $passive)
    $defender = [ordered]@{ product = 'defender'; name = 'Microsoft Defender Antivirus'; file = 'Get-MpComputerStatus'
        enabled = $enabled; real_time = [bool]($enabled -and $status.RealTimeProtectionEnabled)
        tamper_protection = [bool]$status.IsTamperProtected; running_mode = "$($status.AMRunningMode)"
        engine_version = "$($status.AMEngineVersion)"; signature_version = "$($status.AntivirusSignatureVersion)"
        databases = @(); services = [ordered]@{ WinDefend = [bool]$status.AMServiceEnabled } }
    if ($status.AntivirusSignatureAge -ne $never -and $status.AntivirusSignatureLastUpdated) {
        $defender.signature_time = To-Utc $status.AntivirusSignatureLastUpdated
        $defender.reported_signature_age_days = [int]$status.AntivirusSignatureAge
    }
    if ($status.FullScanAge -ne $never -and $status.FullScanEndTime) { $defender.last_full_scan = To-Utc $status.FullScanEndTime }
    if ($status.QuickScanAge -ne $never -and $status.QuickScanEndTime) { $defender.last_quick_scan = To-Utc $status.QuickScanEndTime }
}
$center = @()
try { $center = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct -ErrorAction Stop) }
catch { if (-not $mp.ok) { $issues[$issues.Count - 1].message += "; root/SecurityCenter2: $($_.Exception.Message)" } else { Add-Issue 'antivirus' "Security Center not available ($($_.Exception.Message)): only Defender is listed" 'warning' } }
$thirdParty = @()
foreach ($av in $center) {
    if ("$($av.displayName)" -match 'Defender' -and $defender) { continue }
    # productState is not documented by Microsoft; its commonly used reading: 0x1000 set = on, 0x10 set = signatures
    # out of date. The product is named with its source so a reader can check it in the product's console.
    $state = [int]$av.productState
    $on = ($state -band 0x1000) -ne 0
    $id = ("$($av.displayName)".ToLowerInvariant() -split '[^a-z0-9]+' | Where-Object { $_ })[0]
    $entry = [ordered]@{ product = $(if ($id) { $id } else { 'unknown' }); name = "$($av.displayName)"; file = 'root/SecurityCenter2 AntiVirusProduct'
        enabled = $on; real_time = $on; signature_up_to_date = (($state -band 0x10) -eq 0); databases = @(); services = [ordered]@{} }
    if ("$($av.displayName)" -notmatch 'Defender') { $thirdParty += $entry }
    [void]$products.Add($entry)
}
if ($defender) {
    $activeOther = @($thirdParty | Where-Object { $_.enabled })
    # Defender turns itself off (passive) when another product registers with Security Center: it is then not the
    # protection in use, and its stale signatures say nothing about the PC.
    if (-not $defender.enabled -and $activeOther.Count -gt 0) {
        Add-Issue 'antivirus' "Microsoft Defender Antivirus is off ($($defender.running_mode)): Security Center names $($activeOther[0].name) as the active product" 'warning'
    } else { [void]$products.Insert(0, $defender) }
}
if (@($thirdParty | Where-Object { $_.enabled }).Count -gt 0) {
    Add-Issue 'antivirus.products.last_full_scan' "$(@($thirdParty | ForEach-Object { $_.name }) -join ', '): Windows Security Center reports no scan times; read the last full scan in the product's console"
}
$antivirusKnown = ($mp.ok -or $center.Count -gt 0)
if ($antivirusKnown -and -not $mp.ok) { $issues | Where-Object { $_.collector -eq 'antivirus' -and $_.level -eq 'error' } | ForEach-Object { $_.level = 'warning' } }

# --- firewall: the policy in force
# -PolicyStore ActiveStore is what the firewall enforces, Group Policy merged with local settings; the default store
# (PersistentStore) holds local settings only (Get-NetFirewallProfile, -PolicyStore).
$firewall = Invoke-Step 'windows.firewall_profiles' {
    ConvertTo-List (Get-NetFirewallProfile -PolicyStore ActiveStore -ErrorAction Stop | ForEach-Object {
        [ordered]@{ name = "$($_.Name)"; enabled = ("$($_.Enabled)" -eq 'True'); default_inbound = "$($_.DefaultInboundAction)" } })
}
if ($firewall.ok) { $windows.firewall_profiles = $firewall.value }

# --- SMB 1.0, server side (needs an administrator) and client side
$smb = Invoke-Step 'windows.smb1_enabled' { Get-SmbServerConfiguration -ErrorAction Stop }
if ($smb.ok -and $smb.value) { $windows.smb1_enabled = [bool]$smb.value.EnableSMB1Protocol }
# The SMB1 client is the mrxsmb10 driver: disabled with Start = 4, absent once the feature is removed ("How to
# detect, enable and disable SMBv1, SMBv2, and SMBv3 in Windows").
$client = Invoke-Step 'windows.smb1_client_enabled' {
    $start = ConvertTo-Int (Get-RegValue 'HKLM:\SYSTEM\CurrentControlSet\Services\mrxsmb10' 'Start')
    ($null -ne $start -and $start -ne 4)
}
if ($client.ok) { $windows.smb1_client_enabled = [bool]$client.value }

# --- Remote Desktop: Group Policy (Policies\...\Terminal Services) overrides the local Terminal Server keys
$tsPolicy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
$ts = 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
$rdp = Invoke-Step 'windows.rdp_enabled' { ConvertTo-Int (Get-FirstRegValue @($tsPolicy, $ts) 'fDenyTSConnections') }
if ($rdp.ok -and $null -ne $rdp.value) { $windows.rdp_enabled = ($rdp.value -eq 0) }
$nla = Invoke-Step 'windows.rdp_nla' { ConvertTo-Int (Get-FirstRegValue @($tsPolicy, "$ts\WinStations\RDP-Tcp") 'UserAuthentication') }
if ($nla.ok -and $null -ne $nla.value) { $windows.rdp_nla = ($nla.value -eq 1) }
# MaxIdleTime is in milliseconds; unset in the policy and on RDP-Tcp means no limit (0), Windows' default.
$idle = Invoke-Step 'windows.rdp_max_idle_seconds' { ConvertTo-Int (Get-FirstRegValue @($tsPolicy, "$ts\WinStations\RDP-Tcp") 'MaxIdleTime') }
if ($idle.ok) { $windows.rdp_max_idle_seconds = $(if ($null -eq $idle.value -or $idle.value -lt 0) { 0 } else { [int][Math]::Floor($idle.value / 1000) }) }

# --- newest hotfix
# Win32_QuickFixEngineering.InstalledOn is a string, M/d/yyyy whatever the display language (a hexadecimal FILETIME
# on old systems): parsed with the invariant culture, never the current one (vi-VN would read 12/11 as 12 November).
$hotfix = Invoke-Step 'windows.last_hotfix' {
    $newest = $null
    foreach ($fix in (Get-CimInstance -ClassName Win32_QuickFixEngineering -ErrorAction Stop)) {
        $text = "$($fix.CimInstanceProperties['InstalledOn'].Value)".Trim()
        $date = [datetime]::MinValue
        if ([datetime]::TryParseExact($text, @('M/d/yyyy', 'yyyyMMdd'), $invariant, [System.Globalization.DateTimeStyles]'AssumeUniversal, AdjustToUniversal', [ref]$date)) { }
        elseif ($text -match '^[0-9A-Fa-f]{15,16}$') { $date = [datetime]::FromFileTimeUtc([Convert]::ToInt64($text, 16)) }
        else { continue }
        if ($null -eq $newest -or $date -gt $newest.date) { $newest = @{ date = $date; id = "$($fix.HotFixID)" } }
    }
    if ($null -eq $newest) { throw 'no hotfix with a readable InstalledOn date' }
    $newest
}
if ($hotfix.ok) { $windows.last_hotfix = To-Utc $hotfix.value.date; $windows.last_hotfix_id = $hotfix.value.id }

# --- BitLocker (needs an administrator; the cmdlets are missing on Home editions and some servers)
$bitlocker = Invoke-Step 'windows.bitlocker_volumes' {
    ConvertTo-List (Get-BitLockerVolume -ErrorAction Stop | ForEach-Object { [ordered]@{ mount_point = "$($_.MountPoint)"; volume_type = "$($_.VolumeType)"
        protection_on = ("$($_.ProtectionStatus)" -eq 'On'); volume_status = "$($_.VolumeStatus)"; encryption_percentage = [double]$_.EncryptionPercentage } })
}
if ($bitlocker.ok) { $windows.bitlocker_volumes = $bitlocker.value }

# --- screen lock: the machine inactivity limit, and each loaded user hive (HKU\S-1-5-21-…), user policy first
# The script runs as an administrator or SYSTEM, whose HKCU is not the office user's: every loaded profile is read.
$screen = Invoke-Step 'windows.screen_lock_seconds' {
    $machine = ConvertTo-Int (Get-RegValue 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' 'InactivityTimeoutSecs')
    $users = @(Get-ChildItem -LiteralPath 'Registry::HKEY_USERS' -ErrorAction Stop | Where-Object { $_.PSChildName -match '^S-1-5-21-[\d-]+$' })
    $worst = 0; $unlocked = $false
    foreach ($hive in $users) {
        $paths = @("Registry::HKEY_USERS\$($hive.PSChildName)\Software\Policies\Microsoft\Windows\Control Panel\Desktop",
                   "Registry::HKEY_USERS\$($hive.PSChildName)\Control Panel\Desktop")
        $active = Get-FirstRegValue $paths 'ScreenSaveActive'
        $secure = Get-FirstRegValue $paths 'ScreenSaverIsSecure'
        $timeout = ConvertTo-Int (Get-FirstRegValue $paths 'ScreenSaveTimeOut')
        if ("$active" -ne '0' -and "$secure" -eq '1' -and $timeout -gt 0) { $worst = [Math]::Max($worst, $timeout) } else { $unlocked = $true }
    }
    if ($machine -gt 0) { return $(if ($unlocked -or $worst -eq 0 -or $machine -lt $worst) { $machine } else { $worst }) }
    if ($users.Count -eq 0) { throw 'no user profile is loaded (nobody logged on) and no machine inactivity limit is set: run the script while the user is logged on' }
    if ($unlocked) { return $null }
    $worst
}
if ($screen.ok -and $null -ne $screen.value) { $windows.screen_lock_seconds = [int]$screen.value }

# --- AutoRun
$autorun = Invoke-Step 'windows.autorun_disabled' {
    $explorer = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\Explorer'
    @{ mask = (ConvertTo-Int (Get-RegValue $explorer 'NoDriveTypeAutoRun')); off = (ConvertTo-Int (Get-RegValue $explorer 'NoAutorun')) }
}
if ($autorun.ok) {
    if ($null -ne $autorun.value.mask) { $windows.no_drive_type_autorun = $autorun.value.mask }
    $windows.autorun_disabled = (($autorun.value.mask -band 0xFF) -eq 0xFF -or $autorun.value.off -eq 1)
}

# --- USB storage: the USBSTOR driver disabled (Start = 4) or the Removable Storage Access policy
# (HKLM\SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices; Removable Disks is the device class GUID below).
$usb = Invoke-Step 'windows.usb_storage' {
    $removable = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices'
    $disks = "$removable\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}"
    $usbstor = [ordered]@{
        deny_all = ((ConvertTo-Int (Get-RegValue $removable 'Deny_All')) -eq 1)
        removable_disks_deny_read = ((ConvertTo-Int (Get-RegValue $disks 'Deny_Read')) -eq 1)
        removable_disks_deny_write = ((ConvertTo-Int (Get-RegValue $disks 'Deny_Write')) -eq 1) }
    $start = ConvertTo-Int (Get-RegValue 'HKLM:\SYSTEM\CurrentControlSet\Services\USBSTOR' 'Start')
    if ($null -ne $start) { $usbstor.usbstor_start = $start }
    $usbstor
}
if ($usb.ok) { $windows.usb_storage = $usb.value }

# --- event logs: size and what happens when full (the Security log needs an administrator)
# wevtutil gl prints its keys (maxSize, retention, autoBackup) untranslated in every display language.
# retention: true keeps a full log instead of overwriting it; with autoBackup: true the full log is archived to a
# file and a new one started, without it new events are dropped.
function Get-EventLogSettings([string]$name) {
    $settings = @{}
    foreach ($line in (Invoke-Native 'wevtutil.exe' @('gl', $name))) {
        if ($line -match '^\s*(maxSize|retention|autoBackup):\s*(\S+)\s*$') { $settings[$Matches[1]] = $Matches[2] }
    }
    if ($settings['maxSize'] -notmatch '^\d+$') { throw "wevtutil gl $name printed no maxSize" }
    return [ordered]@{ name = $name; max_bytes = [long]$settings['maxSize']; retention = ($settings['retention'] -eq 'true')
        auto_backup = ($settings['autoBackup'] -eq 'true') }
}
$log = Invoke-Step 'windows.security_log_max_bytes' { (Get-EventLogSettings 'Security').max_bytes }
if ($log.ok) { $windows.security_log_max_bytes = $log.value }
# One list or none: a log left out (Security denied to a standard user) would let the rules judge the other two.
$eventLogs = Invoke-Step 'windows.event_logs' { ConvertTo-List (@('Security', 'System', 'Application') | ForEach-Object { Get-EventLogSettings $_ }) }
if ($eventLogs.ok) { $windows.event_logs = $eventLogs.value }

# --- advanced audit policy (needs an administrator)
# auditpol /get /r prints "Inclusion Setting" in the display language; the /backup CSV also has "Setting Value"
# (0 none, 1 success, 2 failure, 3 both) and the subcategory GUID, neither translated. Names are kept for display.
$auditTemp = Join-Path ([System.IO.Path]::GetTempPath()) ("capdo-auditpol-{0}.csv" -f [guid]::NewGuid())
$audit = Invoke-Step 'windows.audit_policy' {
    [void](Invoke-Native 'auditpol.exe' @('/backup', "/file:$auditTemp"))
    $rows = foreach ($row in (Import-Csv -LiteralPath $auditTemp -ErrorAction Stop)) {
        $guid = "$($row.'Subcategory GUID')".Trim().ToUpperInvariant()
        $value = "$($row.'Setting Value')".Trim()
        # Global options (Option:CrashOnAuditFail) and resource SACLs have no subcategory GUID.
        if ($guid -notmatch '^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$' -or $value -notmatch '^[0-3]$') { continue }
        $bits = [int]$value
        [ordered]@{ subcategory = "$($row.Subcategory)".Trim(); guid = $guid; success = (($bits -band 1) -ne 0); failure = (($bits -band 2) -ne 0) }
    }
    $list = ConvertTo-List $rows
    if ($list.Count -eq 0) { throw 'auditpol /backup wrote no subcategory with a Setting Value' }
    $list
}
if (Test-Path -LiteralPath $auditTemp) { Remove-Item -LiteralPath $auditTemp -Force -ErrorAction SilentlyContinue }
if ($audit.ok) { $windows.audit_policy = $audit.value }

$snapshot = [ordered]@{
    schema_version = 1; collected_at = To-Utc $now
    scanner = [ordered]@{ name = 'Collect-CapdoSnapshot.ps1'; version = $version }
    root = 'C:\'; live = $true; system = $system
    config = [ordered]@{}
    files = [ordered]@{}
    windows = $windows; issues = $issues
    collectors = @([ordered]@{ id = 'windows-script'; milliseconds = [math]::Round(((Get-Date) - $now).TotalMilliseconds, 1); issues = $issues.Count })
}
if ($policy.Count -gt 0) {
    $snapshot.config.windows_policy = [ordered]@{ files = @(@($policy.Values | ForEach-Object { $_.file }) | Select-Object -Unique); present = $true; entries = $policy; blocks = @() }
}
if ($localUsers.ok) { $snapshot.accounts = [ordered]@{ sources = @('Get-LocalUser'); shadow_readable = $true; uid0 = @(); accounts = $localUsers.value } }
if ($antivirusKnown) {
    $snapshot.antivirus = [ordered]@{ sources = @(@('Get-MpComputerStatus', 'root/SecurityCenter2 AntiVirusProduct')); products = @($products) }
}
# UTF-8 without BOM, whatever the console encoding (Out-File in 5.1 would write UTF-16).
$json = $snapshot | ConvertTo-Json -Depth 8
[System.IO.File]::WriteAllText($Output, $json, (New-Object System.Text.UTF8Encoding $false))
Write-Host "capdo snapshot written to $Output ($($issues.Count) issue(s))"
