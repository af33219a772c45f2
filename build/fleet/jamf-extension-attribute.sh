#!/bin/sh
# Jamf Pro extension attribute: Refund Desk's health on this Mac, as one line in <result>…</result>.
# Runs `refund-desk doctor --json` as the user at the console (the data folder and keychain are
# theirs; Jamf runs this as root) and prints its "fleet" record. The first word is ok, warn or fail:
# a Smart Group "like fail" finds the counters to look at. The record is flat JSON (no nested
# object), so sed cuts it out without a JSON tool. REFUND_DESK_APP names another executable (tests).
app=${REFUND_DESK_APP:-"/Applications/Refund Desk.app/Contents/MacOS/Refund Desk"}

say() {
  echo "<result>$1</result>"
  exit 0
}

[ -x "$app" ] || say "fail | not installed"

if [ "$(id -u)" = 0 ] && [ "$(uname)" = Darwin ]; then
  user=$(/usr/bin/stat -f %Su /dev/console)
  case $user in "" | root) say "fail | no one logged in" ;; esac
  json=$(/bin/launchctl asuser "$(/usr/bin/id -u "$user")" /usr/bin/sudo -u "$user" "$app" doctor --json 2>/dev/null)
else
  json=$("$app" doctor --json 2>/dev/null)
fi

fleet=$(printf '%s\n' "$json" | sed -n 's/.*"fleet":{\([^}]*\)}.*/\1/p' | head -n 1)
[ -n "$fleet" ] || say "fail | no report from doctor"

# A field's value: a string without its quotes, a list as a,b, or null as none.
field() {
  value=$(printf '%s\n' "$fleet" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p")
  [ -n "$value" ] || value=$(printf '%s\n' "$fleet" | sed -n "s/.*\"$1\":\[\([^]]*\)\].*/\1/p" | tr -d '"')
  [ -n "$value" ] || value=$(printf '%s\n' "$fleet" | sed -n "s/.*\"$1\":\([^],\"[]*\).*/\1/p")
  case $value in null) value=none ;; true) value=yes ;; false) value=no ;; esac
  printf '%s' "$value"
}

failed=$(field failed)
warned=$(field warned)
# A counter locked down always has its policy check failed.
status=ok
[ -z "$warned" ] || status=warn
[ -z "$failed" ] || status=fail

say "$status | version=$(field version) | environment=$(field environment) | counter=$(field counterName) | policy=$(field policySource) | locked-down=$(field lockedDown) | settings-locked=$(field settingsLocked) | kiosk=$(field kioskMode) | signer=$(field signer) | key=$(field key) | keychain=$(field keychain) | os-log=$(field osLog) | clock-offset-ms=$(field clockOffsetMs) | last-refund=$(field lastRefundAt) | failed=$failed | warned=$warned"
