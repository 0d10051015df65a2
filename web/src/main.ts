document.getElementById('app')!.textContent = 'Bijak';
