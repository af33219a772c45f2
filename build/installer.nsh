; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; The install folder ends up with Program Files' rights wherever /D= put it: administrators and
; SYSTEM may change it, users may only read and run it, so no user can swap the exe, the asar or
; keytar.node. The SIDs are language-independent (544 Administrators, 18 SYSTEM, 545 Users).
; The files below inherit the folder's new list (Windows propagates a folder's new list to what it holds).
!define REFUND_DESK_GRANTS "*S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"
; The journal's witness (main/journal/os-log/platform-os-log.ts, EVENT_SOURCE) writes Application
; events under this source. Registering a source needs an administrator, once; writing to it does not,
; and a standard user cannot edit or delete its events. The message file is the one .NET registers
; for its own sources, which prints each event's text as it was written.
!define REFUND_DESK_EVENT_SOURCE "SYSTEM\CurrentControlSet\Services\EventLog\Application\Refund Desk"

!macro customInstall
  nsExec::ExecToLog 'icacls "$INSTDIR" /inheritance:r /grant:r ${REFUND_DESK_GRANTS} /Q'
  Pop $0
  ${if} $0 != 0
    DetailPrint "icacls could not restrict $INSTDIR (exit $0)"
    SetErrorLevel 2
    Quit
  ${endif}
  WriteRegExpandStr HKLM "${REFUND_DESK_EVENT_SOURCE}" "EventMessageFile" "%SystemRoot%\Microsoft.NET\Framework64\v4.0.30319\EventLogMessages.dll"
  WriteRegDWORD HKLM "${REFUND_DESK_EVENT_SOURCE}" "TypesSupported" 7
!macroend

!macro customUnInstall
  DeleteRegKey HKLM "${REFUND_DESK_EVENT_SOURCE}"
!macroend
