/** History exports go where the admin picks in the OS save dialog (the renderer's session cannot download). */
import { app, BrowserWindow, dialog, type SaveDialogOptions } from "electron";
import { join } from "node:path";
import { writeChunksDurably } from "../fs/durable-file";
import type { SaveFile } from "../history/history-service";
import { RefusedSavePath, savePathProblem } from "../history/save-path";

/** `forbidden`: the data, user-data and install folders, refused whatever the dialog returns. */
export function saveWithDialog(forbidden: readonly string[]): SaveFile {
  return async (name, chunks) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath("documents"), name),
      filters: [{ name: "CSV", extensions: ["csv"] }],
      properties: ["createDirectory", "showOverwriteConfirmation"],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    const problem = savePathProblem(choice.filePath, forbidden);
    if (problem) throw new RefusedSavePath(problem);
    await writeChunksDurably(choice.filePath, chunks);
    return choice.filePath;
  };
}
