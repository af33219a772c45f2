# Intune remediation (detection script): Refund Desk's health on this PC, as one line.
# Run it with the logged-on credentials (the data folder and the keychain are the agent's) in 64-bit
# PowerShell. It runs `refund-desk doctor --json` and prints its "fleet" record; the first word is
# ok, warn or fail. Exit 1 on fail (Intune: "with issues"), 0 otherwise. Installed elsewhere than
# Program Files: change $App below.
param([string]$App = (Join-Path $env:ProgramFiles 'Refund Desk\Refund Desk.exe'))

function Say([string]$Line, [int]$Code) {
  Write-Output $Line
  exit $Code
}

if (-not (Test-Path -LiteralPath $App)) { Say 'fail | not installed' 1 }

# The app is a windowed program: Start-Process waits for it and takes its standard output.
$out = [System.IO.Path]::GetTempFileName()
try {
  Start-Process -FilePath $App -ArgumentList 'doctor', '--json' -Wait -NoNewWindow -RedirectStandardOutput $out
  $fleet = (Get-Content -LiteralPath $out -Raw | ConvertFrom-Json).value.fleet
} catch {
  $fleet = $null
} finally {
  Remove-Item -LiteralPath $out -ErrorAction SilentlyContinue
}
if ($null -eq $fleet) { Say 'fail | no report from doctor' 1 }

# A field's value: a list as a,b, null as none, true and false as yes and no.
function Field([string]$Name) {
  $value = $fleet.$Name
  if ($null -eq $value) { return 'none' }
  if ($value -is [bool]) { if ($value) { return 'yes' } else { return 'no' } }
  # PowerShell 7 reads ISO times as dates; Windows PowerShell 5.1, which Intune runs, does not.
  if ($value -is [datetime]) { return $value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [cultureinfo]::InvariantCulture) }
  if ($value -is [array]) { return $value -join ',' }
  return "$value"
}

$failed = Field 'failed'
$warned = Field 'warned'
# A counter locked down always has its policy check failed.
$status = 'ok'
if ($warned -ne '') { $status = 'warn' }
if ($failed -ne '') { $status = 'fail' }

$line = "$status | version=$(Field 'version') | environment=$(Field 'environment') | counter=$(Field 'counterName')" +
  " | policy=$(Field 'policySource') | locked-down=$(Field 'lockedDown') | settings-locked=$(Field 'settingsLocked')" +
  " | kiosk=$(Field 'kioskMode') | signer=$(Field 'signer') | key=$(Field 'key') | keychain=$(Field 'keychain')" +
  " | os-log=$(Field 'osLog') | clock-offset-ms=$(Field 'clockOffsetMs') | last-refund=$(Field 'lastRefundAt')" +
  " | failed=$failed | warned=$warned"
if ($status -eq 'fail') { Say $line 1 } else { Say $line 0 }
