import { configureFrenchZodMessages } from "@tribune/domain";

// As main.tsx does for the running app.
configureFrenchZodMessages();
