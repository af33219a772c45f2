// electron-builder's msiProjectCreated hook (electron-builder.yml): adds to the MSI's WiX project
// the component that registers the Application log's source "Refund Desk", as build/installer.nsh
// does for the NSIS installer (same key, same values; scripts/packaging.test.ts holds them equal).
// Windows Installer removes the key with the product. The component's GUID is fixed: it is the
// same component in every version, so a major upgrade keeps the source registered.
const { readFileSync, writeFileSync } = require("node:fs");

const EVENT_SOURCE_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\Refund Desk";
const MESSAGE_FILE = "%SystemRoot%\\Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll";
const COMPONENT = `
      <Component Id="RefundDeskEventSource" Guid="{463CDE85-05C7-42E4-BF9F-5D1DC03D8145}">
        <RegistryKey Root="HKLM" Key="${EVENT_SOURCE_KEY}" ForceDeleteOnUninstall="yes">
          <RegistryValue Type="expandable" Name="EventMessageFile" Value="${MESSAGE_FILE}" KeyPath="yes"/>
          <RegistryValue Type="integer" Name="TypesSupported" Value="7"/>
        </RegistryKey>
      </Component>
    `;

/** The project with the event source's component in the product's component group. */
function withEventSource(project) {
  const end = project.lastIndexOf("</ComponentGroup>");
  // electron-builder's template changed: fail the build rather than ship an MSI without the source.
  if (end === -1 || !project.includes('<ComponentGroup Id="ProductComponents"'))
    throw new Error("msi-event-source: no ProductComponents component group in the WiX project");
  return `${project.slice(0, end)}${COMPONENT}${project.slice(end)}`;
}

module.exports = async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, withEventSource(readFileSync(projectFile, "utf8")));
};
module.exports.withEventSource = withEventSource;
