/** History exports go where the admin picks in the OS save dialog (the renderer's session cannot download). */
import { app, BrowserWindow, dialog, type SaveDialogOptions } from "electron";
import { join } from "node:path";
import { writeFileDurably } from "../fs/durable-file";
import type { SaveFile } from "../history/history-service";

export function saveWithDialog(): SaveFile {
  return async (name, text) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath("documents"), name),
      filters: [{ name: "CSV", extensions: ["csv"] }],
      properties: ["createDirectory", "showOverwriteConfirmation"],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    writeFileDurably(choice.filePath, text);
    return choice.filePath;
  };
}
