import type { MetadataRoute } from 'next';

// The web app manifest: name, colours and icons for "add to home screen" and app launchers.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Switchyard',
    short_name: 'Switchyard',
    description: 'Chat with your documents. Confidential work stays on your machine.',
    start_url: '/chat',
    display: 'standalone',
    background_color: '#f7f7f5',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
