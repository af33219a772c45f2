; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; The install folder ends up with Program Files' rights wherever /D= put it: administrators and
; SYSTEM may change it, users may only read and run it, so no user can swap the exe, the asar or
; keytar.node. The SIDs are language-independent (544 Administrators, 18 SYSTEM, 545 Users).
; The files below inherit the folder's new list (Windows propagates a folder's new list to what it holds).
!define REFUND_DESK_GRANTS "*S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"

!macro customInstall
  nsExec::ExecToLog 'icacls "$INSTDIR" /inheritance:r /grant:r ${REFUND_DESK_GRANTS} /Q'
  Pop $0
  ${if} $0 != 0
    DetailPrint "icacls could not restrict $INSTDIR (exit $0)"
    SetErrorLevel 2
    Quit
  ${endif}
!macroend
