// What "#server-only" is in a browser bundle: Next.js fails the build with the module's name.
import "server-only";
