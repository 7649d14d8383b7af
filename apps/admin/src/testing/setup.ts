import { configureFrenchZodMessages } from "@tribune/domain/kernel";

// As main.tsx does for the running app.
configureFrenchZodMessages();
