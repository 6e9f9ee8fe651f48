/** Entry module of a sandbox worker (opaque origin): hands the app's messages to the plugin host. */
import { PluginHost } from './pluginHost'
import { serveHost } from './serveHost'

serveHost((post) => new PluginHost(post))
